import { validate } from 'class-validator';
import { passesValidation } from '../../http/passes-validation';
import { HouseholdMemberDto, PersonDto } from '../commands/submit-application/person.dto';
import { HousingDto, MAX_HOUSEHOLD_MEMBERS, SubmitApplicationRequest } from '../commands/submit-application/submit-application.request.dto';

const person = (o: object = {}) =>
  Object.assign(new PersonDto(), { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female', ...o });
const member = (o: object = {}) =>
  Object.assign(new HouseholdMemberDto(), { citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-09-30', gender: 'male', relation: 'spouse', ...o });
/** The same fields on a plain object, as a body is before class-transformer. */
const plain = (o: object): object => ({ ...o });
const housing = (o: object = {}) => Object.assign(new HousingDto(), { ownsHome: false, floorAreaPerPersonM2: undefined, ...o });
const application = (o: object = {}) =>
  Object.assign(new SubmitApplicationRequest(), {
    id: 'HS-01', projectId: 'hp-1', tenure: 'sale', applicant: person(), household: [], category: 'worker',
    monthlyIncomeVnd: 12_000_000, housing: housing(), submittedAt: '2025-09-15', receivedBy: 'Phạm Thu Hà', ...o,
  });

/** Every rule kind of the application DTO, each held and broken: conditions, nested objects and lists, `each`, the whitelist, unknown classes. */
const CASES: [string, object][] = [
  ['a clean file', application()],
  ['no id (optional)', application({ id: undefined })],
  ['an id with a dot', application({ id: 'HS.01' })],
  ['an id that is a number', application({ id: 1 })],
  ['no project', application({ projectId: undefined })],
  ['a tenure not in the list', application({ tenure: 'buy' })],
  ['a category not in the list', application({ category: 'rich' })],
  ['a fractional income', application({ monthlyIncomeVnd: 1.5 })],
  ['a negative income', application({ monthlyIncomeVnd: -1 })],
  ['an income as text', application({ monthlyIncomeVnd: '12000000' })],
  ['a future submission', application({ submittedAt: '2999-01-01' })],
  ['a submission in DD/MM/YYYY', application({ submittedAt: '15/09/2025' })],
  ['a blank officer', application({ receivedBy: '   ' })],
  ['an unknown property', application({ note: 'x' })],
  ['no applicant', application({ applicant: undefined })],
  ['a null applicant', application({ applicant: null })],
  ['an applicant that is a list', application({ applicant: [] })],
  ['an applicant as a plain object', application({ applicant: plain(person()) })],
  ['an applicant of a class with no rules', application({ applicant: new Date() })],
  ['an 11-digit citizen id', application({ applicant: person({ citizenId: '03119000123' }) })],
  ['a citizen id as a number', application({ applicant: person({ citizenId: 31190001234 }) })],
  ['a birth on 30 February', application({ applicant: person({ dateOfBirth: '1990-02-30' }) })],
  ['a birth in the future', application({ applicant: person({ dateOfBirth: '2999-01-01' }) })],
  ['no gender (optional)', application({ applicant: person({ gender: undefined }) })],
  ['a gender not in the list', application({ applicant: person({ gender: 'x' }) })],
  ['a name too long', application({ applicant: person({ fullName: 'x'.repeat(201) }) })],
  ['an unknown property of the applicant', application({ applicant: person({ nickname: 'Lan' }) })],
  ['a spouse and a child', application({ household: [member(), member({ citizenId: '031215000777', relation: 'child' })] })],
  ['two spouses', application({ household: [member(), member({ citizenId: '031215000777' })] })],
  ['one person twice', application({ household: [member(), member({ relation: 'child' })] })],
  ['a member with a bad relation', application({ household: [member({ relation: 'ông' })] })],
  ['a member with a bad id', application({ household: [member({ citizenId: '1' })] })],
  ['a member that is null', application({ household: [null] })],
  ['a member that is text', application({ household: ['Minh'] })],
  ['a member as a plain object', application({ household: [plain(member())] })],
  ['a member list in a list', application({ household: [[member()]] })],
  ['a household that is not a list', application({ household: member() })],
  ['too many members', application({ household: Array.from({ length: MAX_HOUSEHOLD_MEMBERS + 1 }, (_, i) => member({ citizenId: String(i).padStart(12, '0'), relation: 'child' })) })],
  ['an owner with the floor per person', application({ housing: housing({ ownsHome: true, floorAreaPerPersonM2: 8 }) })],
  ['an owner without it', application({ housing: housing({ ownsHome: true }) })],
  ['a non-owner with a fractional floor', application({ housing: housing({ floorAreaPerPersonM2: 8.5 }) })],
  ['ownsHome as text', application({ housing: housing({ ownsHome: 'yes' }) })],
  ['no housing', application({ housing: undefined })],
];

describe('passesValidation on the application DTO', () => {
  it.each(CASES)('agrees with class-validator: %s', async (_, request) => {
    const errors = await validate(request, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false });
    expect(passesValidation(request)).toBe(errors.length === 0);
  });

  it('says yes to the files class-validator accepts, so the intake rarely needs the library', () => {
    expect(CASES.filter(([, request]) => passesValidation(request)).map(([name]) => name)).toEqual([
      'a clean file', 'no id (optional)', 'no gender (optional)', 'a spouse and a child', 'an owner with the floor per person',
    ]);
  });
});

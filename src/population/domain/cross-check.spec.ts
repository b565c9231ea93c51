import { expect } from '@jest/globals';
import type { HouseholdMember, Person } from '../../applications/domain/application.events';
import type { LandCertificate } from '../land-registry.port';
import type { RegistryPerson } from '../population-registry.port';
import { registryPerson } from '../../../test/support/registry-extracts';
import { crossCheck, type DeclaredFile } from './cross-check';

const lan: Person = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' };
const minh: HouseholdMember = { citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-01-30', gender: 'male', relation: 'spouse' };
const an: HouseholdMember = { citizenId: '031215007777', fullName: 'Trần Minh An', dateOfBirth: '2015-06-01', gender: 'male', relation: 'child' };

const record = (p: Person, over: Partial<RegistryPerson> = {}): RegistryPerson =>
  registryPerson(p.citizenId, { fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender ?? 'male', householdId: 'HK-1', ...over });
const certificate = (citizenId: string, certificateNo = 'CS-001'): LandCertificate => ({
  citizenId, provinceCode: '31', parcel: '12/34', certificateNo, floorAreaM2: 60, registeredAt: '2019-05-01',
});

/** Given the registries hold `people` (and `housing`), when the file is checked, then … */
function given(people: RegistryPerson[], housing: LandCertificate[] | null = []) {
  const byId = new Map(people.map((p) => [p.citizenId, p]));
  const owned = housing === null ? undefined : new Map<string, LandCertificate[]>();
  for (const c of housing ?? []) owned?.set(c.citizenId, [...(owned.get(c.citizenId) ?? []), c]);
  return { when: (file: DeclaredFile) => crossCheck(file, { people: byId, housing: owned }) };
}

const married = [record(lan, { spouseCitizenId: minh.citizenId }), record(minh, { spouseCitizenId: lan.citizenId }), record(an)];

describe('police cross-check of one file', () => {
  it('given a file matching the registry, then every person is a consistent, living match owning nothing', () => {
    const checks = given(married).when({ applicant: lan, household: [minh, an] });
    expect(checks).toEqual([
      expect.objectContaining({ citizenId: lan.citizenId, role: 'applicant', identity: 'match', identityReasons: [], alive: true, household: 'consistent' }),
      expect.objectContaining({ citizenId: minh.citizenId, role: 'spouse', identity: 'match', household: 'consistent', ownsHousingInProvince: false }),
      expect.objectContaining({ citizenId: an.citizenId, role: 'child', identity: 'match', household: 'consistent', residenceProvince: '31' }),
    ]);
  });

  it('given a name typed without diacritics or in another case, then it still matches', () => {
    const [check] = given([record(lan)]).when({ applicant: { ...lan, fullName: 'NGUYEN thi  lan' }, household: [] });
    expect(check.identity).toBe('match');
  });

  it('given a person the registry does not know, then unknown, with alive and household unknown too', () => {
    const [, child] = given([record(lan)]).when({ applicant: lan, household: [an] });
    expect(child).toMatchObject({ identity: 'unknown', alive: null, residenceProvince: null, household: 'unknown' });
  });

  it.each([
    ['name-mismatch', { fullName: 'Nguyễn Thị Lành' }, /name declared/],
    ['birth-date-mismatch', { dateOfBirth: '1990-04-21' }, /born 1990-04-12 declared, 1990-04-21/],
    ['gender-mismatch', { gender: 'male' as const }, /gender female declared, male/],
  ])('given the registry differs from the declaration, then %s with the reason', (identity, registry, reason) => {
    const [check] = given([record(lan, registry)]).when({ applicant: lan, household: [] });
    expect(check.identity).toBe(identity);
    expect(check.identityReasons.join('; ')).toMatch(reason);
  });

  it('given differences, then each reason is recorded in Vietnamese with the English beside it, in the same order', () => {
    const forged = { ...lan, fullName: 'Nguyễn Thị Lành', citizenId: '031085001234' };
    const [check] = given([record(lan, { citizenId: forged.citizenId })]).when({ applicant: forged, household: [] });
    expect(check.identityReasons).toEqual(['name declared "Nguyễn Thị Lành", registry "Nguyễn Thị Lan"', 'citizen id encodes birth year 1985, declared 1990', 'citizen id encodes gender male, declared female']);
    expect(check.identityReasonsVi).toEqual(['họ tên đã khai "Nguyễn Thị Lành", cơ sở dữ liệu dân cư ghi "Nguyễn Thị Lan"', 'số CCCD ghi năm sinh 1985, đã khai 1990', 'số CCCD ghi giới tính nam, đã khai nữ']);
  });

  it('given a person the registry does not know, then the reason says so in both languages', () => {
    const [check] = given([]).when({ applicant: lan, household: [] });
    expect(check).toMatchObject({ identityReasons: ['not in the population registry'], identityReasonsVi: ['không có trong cơ sở dữ liệu dân cư'] });
  });

  it('given an id whose own digits contradict the declared birth year, then birth-date-mismatch though the registry agrees', () => {
    // 0 = male born in the 1900s, 85 = 1985: not the declared 1990.
    const forged = { ...lan, citizenId: '031085001234', gender: 'male' as const };
    const [check] = given([record(forged)]).when({ applicant: forged, household: [] });
    expect(check.identity).toBe('birth-date-mismatch');
    expect(check.identityReasons).toEqual(['citizen id encodes birth year 1985, declared 1990']);
  });

  it('given an id whose own digits say male for a declared woman, then gender-mismatch though the registry agrees', () => {
    // 0 = male born in the 1900s, 90 = 1990: the year agrees, the gender does not.
    const forged = { ...lan, citizenId: '031090001234', gender: 'female' as const };
    const [check] = given([record(forged)]).when({ applicant: forged, household: [] });
    expect(check.identity).toBe('gender-mismatch');
    expect(check.identityReasons).toEqual(['citizen id encodes gender male, declared female']);
  });

  it('given a registry record of a deceased person, then alive is false', () => {
    const [, child] = given([record(lan), record(an, { status: 'deceased', dateOfDeath: '2024-02-02' })]).when({ applicant: lan, household: [an] });
    expect(child.alive).toBe(false);
  });

  it('given a "single" applicant whom the registry has married, then undeclared-spouse naming the spouse', () => {
    const [applicant] = given(married).when({ applicant: lan, household: [an] });
    expect(applicant).toMatchObject({ household: 'undeclared-spouse', undeclaredSpouseCitizenId: minh.citizenId });
  });

  it('given the registry spouse died, then the applicant hid no spouse', () => {
    const widowed = [record(lan, { spouseCitizenId: minh.citizenId }), record(minh, { status: 'deceased', dateOfDeath: '2023-01-01' })];
    const [applicant] = given(widowed).when({ applicant: lan, household: [] });
    expect(applicant).toMatchObject({ household: 'consistent', undeclaredSpouseCitizenId: null });
  });

  it('given a declared spouse the registry does not marry to the applicant, then declared-spouse-not-spouse', () => {
    const [, spouse] = given([record(lan), record(minh)]).when({ applicant: lan, household: [minh] });
    expect(spouse.household).toBe('declared-spouse-not-spouse');
  });

  it('given a declared child registered in another household, then household-differs', () => {
    const [, , child] = given([...married.slice(0, 2), record(an, { householdId: 'HK-9' })]).when({ applicant: lan, household: [minh, an] });
    expect(child.household).toBe('household-differs');
  });

  it('given a registry with no household ids, then the household cannot be judged: unknown', () => {
    const [, child] = given([record(lan, { householdId: null }), record(an)]).when({ applicant: lan, household: [an] });
    expect(child.household).toBe('unknown');
  });

  it('given the land registry names the spouse as owner in the province, then that person owns housing, with the certificate', () => {
    const [applicant, spouse] = given(married, [certificate(minh.citizenId)]).when({ applicant: lan, household: [minh, an] });
    expect(applicant).toMatchObject({ ownsHousingInProvince: false, housingCertificates: [] });
    expect(spouse).toMatchObject({ ownsHousingInProvince: true, housingCertificates: ['CS-001'] });
  });

  it('given a hidden spouse who owns housing, then the applicant’s check says so', () => {
    const [applicant] = given(married, [certificate(minh.citizenId)]).when({ applicant: lan, household: [an] });
    expect(applicant).toMatchObject({ undeclaredSpouseCitizenId: minh.citizenId, undeclaredSpouseOwnsHousingInProvince: true });
  });

  it('given no land extract, then housing is unknown (null), never "owns none"', () => {
    const checks = given(married, null).when({ applicant: lan, household: [an] });
    expect(checks.map((c) => [c.ownsHousingInProvince, c.undeclaredSpouseOwnsHousingInProvince])).toEqual([[null, null], [null, null]]);
  });

  it('given a person with only a temporary residence, then that province is the residence', () => {
    const [check] = given([record(lan, { permanentProvince: null, temporaryProvince: '01' })]).when({ applicant: lan, household: [] });
    expect(check.residenceProvince).toBe('01');
  });
});

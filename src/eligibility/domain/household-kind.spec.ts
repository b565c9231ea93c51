import { type HouseholdMemberFacts, householdKindOf } from './household-kind';

const spouse: HouseholdMemberFacts = { relation: 'spouse', dateOfBirth: '1990-05-01' };
const child = (dateOfBirth: string): HouseholdMemberFacts => ({ relation: 'child', dateOfBirth });

describe('householdKindOf', () => {
  it('given a spouse in the household, when classified, then the household is married', () =>
    expect(householdKindOf([spouse], '2026-01-15')).toBe('married'));

  it('given a spouse and a minor child, when classified, then the household is married, not a single parent', () =>
    expect(householdKindOf([child('2015-03-01'), spouse], '2026-01-15')).toBe('married'));

  it('given no spouse and a child of 17, when classified, then the applicant is a single parent of a minor', () =>
    expect(householdKindOf([child('2008-07-02')], '2026-07-01')).toBe('single-parent-with-minor'));

  it('given no spouse and a child turning 18 on the decision date, when classified, then the applicant is single', () =>
    expect(householdKindOf([child('2008-07-01')], '2026-07-01')).toBe('single'));

  it('given a child born on 29 February, when judged on 28 February of the 18th year, then the child is still a minor', () =>
    expect(householdKindOf([child('2008-02-29')], '2026-02-28')).toBe('single-parent-with-minor'));

  it('given a child born on 29 February, when judged on 1 March of the 18th year, then the child is of age', () =>
    expect(householdKindOf([child('2008-02-29')], '2026-03-01')).toBe('single'));

  it('given only parents and other relatives, when classified, then the applicant is single', () =>
    expect(householdKindOf([{ relation: 'parent', dateOfBirth: '1960-01-01' }, { relation: 'other', dateOfBirth: '2012-01-01' }], '2026-01-15')).toBe('single'));

  it('given no household members, when classified, then the applicant is single', () =>
    expect(householdKindOf([], '2026-01-15')).toBe('single'));
});

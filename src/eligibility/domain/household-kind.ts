import type { HouseholdKind, IsoDate } from './policy';

/** What the kind of household needs of a declared member (API.md `Person` with `relation`). */
export type HouseholdMemberFacts = { relation: 'spouse' | 'child' | 'parent' | 'other'; dateOfBirth: IsoDate };

/** Civil Code 2015 Art. 21: a person under 18 is a minor. */
const AGE_OF_MAJORITY = 18;

/**
 * Which income ceiling applies (POLICY.md, Decree 261/2025): married when a member is the
 * applicant's spouse; a single parent of a minor when there is no spouse but a child under 18 on the
 * decision date; otherwise single. Relations are declared relative to the applicant, so the
 * applicant's own record adds nothing and is not asked for.
 */
export function householdKindOf(household: readonly HouseholdMemberFacts[], decisionDate: IsoDate): HouseholdKind {
  if (household.some((member) => member.relation === 'spouse')) return 'married';
  const hasMinorChild = household.some((member) => member.relation === 'child' && isMinorOn(member.dateOfBirth, decisionDate));
  return hasMinorChild ? 'single-parent-with-minor' : 'single';
}

/**
 * Under 18 until the 18th birthday, compared as `YYYY-MM-DD` strings. Someone born on 29 February
 * comes of age on 1 March in a common year (the string "YYYY-02-29" sorts after 28 February).
 */
function isMinorOn(dateOfBirth: IsoDate, date: IsoDate): boolean {
  const birthday18 = `${String(Number(dateOfBirth.slice(0, 4)) + AGE_OF_MAJORITY).padStart(4, '0')}${dateOfBirth.slice(4)}`;
  return date < birthday18;
}

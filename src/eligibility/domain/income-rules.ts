import { UnknownRentZone } from './eligibility.errors';
import type { EligibilityFacts } from './evaluate-eligibility';
import { type Finding, TENURE_NOUN, vnd } from './finding';
import type { HouseholdCeilingRule, HouseholdKind, HouseholdCeilings, IncomeRule, RentMultipleBandRule } from './policy';

/**
 * The income condition of a version, whatever its kind. Renters are exempt nationally (Housing Law
 * 2023 Art. 78(2)) and only some categories have the condition at all (Art. 78(1)(b): low-income
 * urban residents, workers, civil servants, armed forces): both are the rule's data.
 */
export function incomeFinding(facts: EligibilityFacts, rule: IncomeRule, policyId: string, cite: string): Finding {
  if (!rule.tenures.includes(facts.tenure)) return { met: true, reason: `the income condition does not apply to ${TENURE_NOUN[facts.tenure]} (${cite})` };
  if (!rule.categories.includes(facts.category)) return { met: true, reason: `category "${facts.category}" has no income condition (${cite})` };
  switch (rule.kind) {
    case 'household-ceilings':
      return householdCeiling(facts, rule, cite);
    case 'rent-multiple-band':
      return rentBand(facts, rule, policyId, cite);
  }
}

const CEILING_KEY: Record<HouseholdKind, keyof HouseholdCeilings> = {
  single: 'single',
  'single-parent-with-minor': 'singleParentWithMinor',
  married: 'married',
};
const HOUSEHOLD_LABEL: Record<HouseholdKind, string> = {
  single: 'a single applicant',
  'single-parent-with-minor': 'a single parent of a minor',
  married: 'a married couple (combined income)',
};

/** Income at or below the ceiling passes: the decrees say "không quá" (not more than). */
function householdCeiling({ monthlyIncomeVnd, householdKind, category }: EligibilityFacts, rule: HouseholdCeilingRule, cite: string): Finding {
  const byCategory = rule.ceilingsByCategoryVnd?.[category];
  const base = (byCategory ?? rule.ceilingsVnd)[CEILING_KEY[householdKind]];
  const coefficient = rule.provincialCoefficient ?? 1;
  // Whole VND, rounded down so a coefficient never lifts the ceiling above what the province decided.
  const ceiling = Math.floor(base * coefficient);
  const applied = coefficient === 1 ? '' : ` (${vnd(base)} × provincial coefficient ${coefficient})`;
  const whom = `${HOUSEHOLD_LABEL[householdKind]}${byCategory ? ` of category "${category}"` : ''}`;
  const met = monthlyIncomeVnd <= ceiling;
  return {
    met,
    reason: `monthly income ${vnd(monthlyIncomeVnd)} ${met ? 'is within' : 'exceeds'} the ${vnd(ceiling)} ceiling${applied} for ${whom} (${cite})`,
  };
}

/**
 * Resolution 02/2007/NQ-HĐND: income at most 5× the rent of 60 m² ("không vượt quá") and at least
 * 4× the rent of 30 m² ("không thấp hơn"), both bounds inclusive, at the project zone's rent per m².
 */
function rentBand({ monthlyIncomeVnd, rentZone }: EligibilityFacts, rule: RentMultipleBandRule, policyId: string, cite: string): Finding {
  const zone = rentZone ?? rule.defaultRentZone;
  if (!Object.hasOwn(rule.rentPerM2ByZoneVnd, zone)) throw new UnknownRentZone(policyId, zone, Object.keys(rule.rentPerM2ByZoneVnd));
  const rent = rule.rentPerM2ByZoneVnd[zone];
  const upper = rule.atMost.multiple * rule.atMost.unitAreaM2 * rent;
  const lower = rule.atLeast.multiple * rule.atLeast.unitAreaM2 * rent;
  const upperText = `${vnd(upper)}, ${rule.atMost.multiple} × the monthly rent of a ${rule.atMost.unitAreaM2} m² unit`;
  const lowerText = `${vnd(lower)}, ${rule.atLeast.multiple} × the monthly rent of a ${rule.atLeast.unitAreaM2} m² unit`;
  const at = `at ${vnd(rent)}/m² in zone "${zone}"${rentZone === undefined ? " (the policy's default zone)" : ''} (${cite})`;
  const income = `household monthly income ${vnd(monthlyIncomeVnd)}`;
  if (monthlyIncomeVnd > upper) return { met: false, reason: `${income} exceeds ${upperText}, ${at}` };
  if (monthlyIncomeVnd < lower) return { met: false, reason: `${income} is under ${lowerText}, ${at}` };
  return { met: true, reason: `${income} is between ${lowerText}, and ${upperText}, ${at}` };
}

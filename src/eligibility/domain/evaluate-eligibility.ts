import { incomeFinding } from './income-rules';
import { type Finding, TENURE_NOUN, TENURE_VERB } from './finding';
import { type Category, type HouseholdKind, type IsoDate, type PolicyVersion, type Tenure, citationOf, covers, inForceOn, isIsoDate } from './policy';

/**
 * What the law asks about an application, as the board knows it on the decision date. Defined here,
 * not taken from the applications context, so the rules depend on nothing but the facts they judge.
 */
export type EligibilityFacts = {
  category: Category;
  tenure: Tenure;
  /** The project's province: the policy and the housing condition are that province's (Art. 78(1)(a)). */
  provinceCode: string;
  /** The decision's calendar day in Vietnam, `YYYY-MM-DD`; it chooses the policy version. */
  decisionDate: IsoDate;
  /**
   * Average monthly income over the 12 months before certification (Decree 100/2024 Art. 30); for a
   * married applicant the couple's combined income; under Ninh Thuận 02/2007 the household's.
   */
  monthlyIncomeVnd: number;
  /** See `householdKindOf`. */
  householdKind: HouseholdKind;
  housing: {
    /** The applicant or spouse owns housing in the province (pre-merger boundaries, Res. 201/2025 Art. 9). */
    ownsHome: boolean;
    floorAreaPerPersonM2?: number;
    /** The housing owned is temporary or dilapidated: qualifies only where the policy says so (02/2007). */
    temporaryOrDilapidated?: boolean;
  };
  /** The applicant or spouse already bought, hire-purchased or rented state or social housing, or had housing support. */
  hasPriorBenefit: boolean;
  /** The project's zone for rent-based income bands (02/2007); the policy's default zone when absent. */
  rentZone?: string;
};

export type EligibilityEvaluation = { policyVersion: string; outcome: 'eligible' | 'ineligible'; reasons: string[] };

/**
 * Judges the facts by one policy version, which must be the one in force for their province and
 * day (`PolicyCatalogue.inForce`). Every rule is checked, so a refusal lists every unmet condition;
 * an eligible outcome lists why each rule was met or did not apply, so inspectors see the grounds.
 */
export function evaluateEligibility(facts: EligibilityFacts, policy: PolicyVersion): EligibilityEvaluation {
  if (!isIsoDate(facts.decisionDate) || !covers(policy, facts.provinceCode) || !inForceOn(policy, facts.decisionDate)) {
    throw new RangeError(`Policy ${policy.id} is not in force for province ${facts.provinceCode} on ${facts.decisionDate}`);
  }
  const cite = citationOf(policy);
  const findings = [
    ...categoryFindings(facts, policy, cite),
    ...priorBenefitFindings(facts, policy, cite),
    housingFinding(facts, policy, cite),
    incomeFinding(facts, policy.income, policy.id, cite),
  ];
  const unmet = findings.filter((finding) => !finding.met);
  return {
    policyVersion: policy.id,
    outcome: unmet.length === 0 ? 'eligible' : 'ineligible',
    reasons: (unmet.length === 0 ? findings : unmet).map((finding) => finding.reason),
  };
}

function categoryFindings({ category, tenure, decisionDate }: EligibilityFacts, policy: PolicyVersion, cite: string): Finding[] {
  const allowed = policy.tenures[tenure].includes(category);
  const findings: Finding[] = [
    { met: allowed, reason: `category "${category}" may${allowed ? '' : ' not'} ${TENURE_VERB[tenure]} social housing (${cite})` },
  ];
  const opening = policy.categoryOpenings?.[category];
  if (opening && decisionDate < opening.from) {
    findings.push({ met: false, reason: `category "${category}" may apply only from ${opening.from} (${opening.citation})` });
  }
  return findings;
}

/** One purchase in a lifetime (Art. 88(6)); renting again is no second purchase, so national versions bar only buying. */
function priorBenefitFindings({ tenure, hasPriorBenefit }: EligibilityFacts, policy: PolicyVersion, cite: string): Finding[] {
  if (!hasPriorBenefit) return [];
  if (!policy.priorBenefitBars.includes(tenure)) {
    return [{ met: true, reason: `a prior housing benefit does not bar ${TENURE_NOUN[tenure]} (${cite})` }];
  }
  return [{ met: false, reason: `the applicant or spouse already had a housing benefit, which bars ${TENURE_NOUN[tenure]} social housing (${cite})` }];
}

/** Renters are exempt nationally (Housing Law 2023 Art. 78(2)); the policy's `housing.tenures` says who is not. */
function housingFinding({ tenure, housing }: EligibilityFacts, policy: PolicyVersion, cite: string): Finding {
  const rule = policy.housing;
  if (!rule.tenures.includes(tenure)) return { met: true, reason: `the housing condition does not apply to ${TENURE_NOUN[tenure]} (${cite})` };
  if (!housing.ownsHome) return { met: true, reason: `the applicant and spouse own no housing in the province (${cite})` };
  if (rule.temporaryHousingQualifies && housing.temporaryOrDilapidated) {
    return { met: true, reason: `the housing owned is temporary or dilapidated (${cite})` };
  }
  const area = housing.floorAreaPerPersonM2;
  const limit = `${rule.floorAreaPerPersonBelowM2} m²`;
  if (area === undefined) {
    return { met: false, reason: `the applicant owns housing in the province and stated no floor area per person to compare with the ${limit} limit (${cite})` };
  }
  const met = area < rule.floorAreaPerPersonBelowM2;
  return { met, reason: `the housing owned has ${area} m² of floor per person, ${met ? 'under' : 'not under'} the ${limit} limit (${cite})` };
}

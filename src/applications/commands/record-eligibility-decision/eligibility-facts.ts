import type { EligibilityFacts } from '../../../eligibility/domain/evaluate-eligibility';
import { householdKindOf } from '../../../eligibility/domain/household-kind';
import type { IsoDate } from '../../../eligibility/domain/policy';
import type { SubmittedApplication } from '../../domain/application.state';

/**
 * What the policy judges: the declaration as it stands now (amendments applied), in the project's
 * province, on the decision's Vietnamese calendar day. Prior benefits come from the person streams,
 * which the application does not hold.
 */
export function eligibilityFactsOf(application: SubmittedApplication, decisionDate: IsoDate, hasPriorBenefit: boolean): EligibilityFacts {
  const { tenure, category, monthlyIncomeVnd, household, housing } = application.declaration;
  return {
    category,
    tenure,
    provinceCode: application.provinceCode,
    decisionDate,
    monthlyIncomeVnd,
    householdKind: householdKindOf(household, decisionDate),
    // Only an owner states a floor area; the 0 recorded for a non-owner is no measurement.
    housing: housing.ownsHome ? { ownsHome: true, floorAreaPerPersonM2: housing.floorAreaPerPersonM2 } : { ownsHome: false },
    hasPriorBenefit,
  };
}

/** Art. 78(1)(a) asks of the applicant AND the spouse: whose person streams say whether they had a benefit. */
export function claimantsOf(application: SubmittedApplication): string[] {
  const spouse = application.declaration.household.find((member) => member.relation === 'spouse');
  return spouse ? [application.citizenId, spouse.citizenId] : [application.citizenId];
}

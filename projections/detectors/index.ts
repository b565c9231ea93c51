import { allocationWithoutEligibility } from './allocation-without-eligibility.detector';
import { backdating } from './backdating.detector';
import { conflictOfInterest } from './conflict-of-interest.detector';
import { decisionContradictsPolicy } from './decision-contradicts-policy.detector';
import { duplicateApplicant } from './duplicate-applicant.detector';
import { earlyResale } from './early-resale.detector';
import { householdDoubleBenefit } from './household-double-benefit.detector';
import { identityConflict } from './identity-conflict.detector';
import { landFundShortfall } from './land-fund-shortfall.detector';
import { lotteryIntegrity } from './lottery-integrity.detector';
import { overAllocation } from './over-allocation.detector';
import { queueJump } from './queue-jump.detector';
import { registryMismatch } from './registry-mismatch.detector';

/** Every detector the ledger runs, in the fixed order findings are reconciled in: the one list of them. */
export const DETECTORS = [
  duplicateApplicant,
  householdDoubleBenefit,
  identityConflict,
  registryMismatch,
  allocationWithoutEligibility,
  decisionContradictsPolicy,
  earlyResale,
  queueJump,
  conflictOfInterest,
  landFundShortfall,
  backdating,
  overAllocation,
  lotteryIntegrity,
] as const;

export type DetectorName = (typeof DETECTORS)[number]['name'];
export const DETECTOR_NAMES: readonly DetectorName[] = DETECTORS.map((d) => d.name);

import { DomainEvent } from '../../shared/decider';
import { Tenure, TransferKind } from './unit.events';

/**
 * Stream `person-{citizenId}`: the benefits one citizen holds, across every province and project,
 * appended with the allocation so one person can never hold two (Housing Law Art. 88(6)–(7)).
 */
export type BenefitClaimed = DomainEvent<
  'BenefitClaimed',
  {
    citizenId: string;
    /** The allocation that grants the benefit. */
    claimId: string;
    applicationId: string;
    projectId: string;
    unitNo: string;
    provinceCode: string;
    tenure: Tenure;
    claimedAt: string;
  }
>;

/** Why a claim ended: its allocation was revoked before handover, or the unit left the holder. */
export type ReleaseReason = 'allocation-revoked' | TransferKind;

export type BenefitReleased = DomainEvent<
  'BenefitReleased',
  { citizenId: string; claimId: string; reason: ReleaseReason; releasedAt: string }
>;

export type PersonClaimEvent = BenefitClaimed | BenefitReleased;

import { DomainEvent } from '../../shared/decider';

export const TENURES = ['sale', 'rent', 'hire-purchase'] as const;
export type Tenure = (typeof TENURES)[number];

/** What the board reports happened to a unit after handover (Housing Law Art. 88–89). */
export const TRANSFER_KINDS = ['resale', 'return-to-investor', 'inheritance', 'return-to-state'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export type UnitSpec = { unitNo: string; floorAreaM2: number; tenure: Tenure; priceVnd: number };

/** Stream `unit-{projectId}.{unitNo}`: one stream per unit, so a unit is never allocated twice. */
export type UnitReleased = DomainEvent<'UnitReleased', UnitSpec & { projectId: string; releasedAt: string }>;

export type UnitAllocated = DomainEvent<
  'UnitAllocated',
  {
    allocationId: string;
    projectId: string;
    unitNo: string;
    applicationId: string;
    citizenId: string;
    /** The "eligible" decision in force when allocated (detector 5 checks it). */
    eligibilityDecisionNo: string;
    decisionNo: string;
    decidedBy: string;
    decidedAt: string;
    allocatedAt: string;
  }
>;

export type AllocationRevoked = DomainEvent<
  'AllocationRevoked',
  {
    allocationId: string;
    projectId: string;
    unitNo: string;
    applicationId: string;
    citizenId: string;
    reason: string;
    decisionNo: string;
    revokedAt: string;
  }
>;

export type UnitHandedOver = DomainEvent<
  'UnitHandedOver',
  {
    allocationId: string;
    projectId: string;
    unitNo: string;
    citizenId: string;
    handedOverAt: string;
    contractNo: string;
    /** Starts the 5-year resale restriction (Art. 89(1)(d)); null while not fully paid. */
    fullyPaidAt: string | null;
  }
>;

export type UnitTransferred = DomainEvent<
  'UnitTransferred',
  {
    projectId: string;
    unitNo: string;
    kind: TransferKind;
    /** The holder before the transfer, as this stream knows it. */
    fromCitizenId: string | null;
    toCitizenId: string | null;
    priceVnd: number | null;
    transferredAt: string;
  }
>;

export type UnitEvent = UnitReleased | UnitAllocated | AllocationRevoked | UnitHandedOver | UnitTransferred;

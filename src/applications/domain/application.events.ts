import { Tenure } from '../../allocation/domain/unit.events';
import { DomainEvent } from '../../shared/decider';
import type { PopulationCheckRecorded } from '../../population/domain/population-check.events';

/** Beneficiary groups of Housing Law 27/2023 Art. 76 (POLICY.md), by their API codes. */
export const BENEFICIARY_CATEGORIES = [
  'revolution-contributor',
  'rural-poor',
  'rural-poor-disaster',
  'urban-poor',
  'urban-low-income',
  'worker',
  'armed-forces',
  'civil-servant',
  'returned-official-housing',
  'land-recovery',
  'student',
  'enterprise',
  'two-children',
] as const;
export type BeneficiaryCategory = (typeof BENEFICIARY_CATEGORIES)[number];

export const HOUSEHOLD_RELATIONS = ['spouse', 'child', 'parent', 'other'] as const;
export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];

export type Person = { citizenId: string; fullName: string; dateOfBirth: string; gender: 'male' | 'female' | null };
export type HouseholdMember = Person & { relation: HouseholdRelation };

/** What the applicant declares and may amend while the file is open. */
export type ApplicationDeclaration = {
  tenure: Tenure;
  household: HouseholdMember[];
  category: BeneficiaryCategory;
  monthlyIncomeVnd: number;
  housing: { ownsHome: boolean; floorAreaPerPersonM2: number };
};

export type EligibilityOutcome = 'eligible' | 'ineligible';

/** Stream `application-{id}`. */
export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  ApplicationDeclaration & {
    applicationId: string;
    projectId: string;
    provinceCode: string;
    applicant: Person;
    submittedAt: string;
    receivedBy: string;
    /**
     * The paper register the file was migrated from (`noxh import applications --historical`):
     * its stated dates are history brought in late, not backdating. Absent on files received
     * through the normal path, and on every event written before migrations existed.
     */
    migratedFrom?: string;
  }
>;

export type ApplicationAmended = DomainEvent<
  'ApplicationAmended',
  { applicationId: string; changes: Partial<ApplicationDeclaration>; reason: string | null; amendedAt: string }
>;

export type ApplicationWithdrawn = DomainEvent<'ApplicationWithdrawn', { applicationId: string; reason: string; withdrawnAt: string }>;

/**
 * The board's decision beside the policy's verdict for the rules in force on `decidedAt`, so an
 * override ("eligible" where the policy says "ineligible") is visible with its justification.
 */
export type EligibilityDecided = DomainEvent<
  'EligibilityDecided',
  {
    applicationId: string;
    outcome: EligibilityOutcome;
    decisionNo: string;
    decidedBy: string;
    decidedAt: string;
    reasons: string[];
    justification: string | null;
    policyVersion: string;
    policyOutcome: EligibilityOutcome;
    policyReasons: string[];
  }
>;

export type PriorityRanked = DomainEvent<
  'PriorityRanked',
  { applicationId: string; projectId: string; method: 'ballot' | 'score'; rank: number; rankedAt: string }
>;

/**
 * The mirror of the unit stream's UnitAllocated, by reference. Its fields are a subset of that
 * event's: projections that count allocations must count the unit stream's, not this one.
 */
export type ApplicationUnitAllocated = DomainEvent<
  'UnitAllocated',
  { applicationId: string; allocationId: string; projectId: string; unitNo: string; allocatedAt: string }
>;

/**
 * The mirror of the unit stream's AllocationRevoked, by reference, appended with it: the file is
 * free again (it may be allocated again or withdrawn), and its decider could not know that from
 * its own stream otherwise. Projections that count revocations must count the unit stream's.
 */
export type ApplicationAllocationRevoked = DomainEvent<
  'AllocationRevoked',
  { applicationId: string; allocationId: string; projectId: string; unitNo: string; revokedAt: string }
>;

/**
 * The police cross-check, appended to this stream by the population context, which owns its
 * payload. It informs the board; no rule of the application decider depends on it.
 */
export type { PopulationCheckRecorded };

export type ApplicationEvent =
  | ApplicationSubmitted
  | ApplicationAmended
  | ApplicationWithdrawn
  | PopulationCheckRecorded
  | EligibilityDecided
  | PriorityRanked
  | ApplicationUnitAllocated
  | ApplicationAllocationRevoked;

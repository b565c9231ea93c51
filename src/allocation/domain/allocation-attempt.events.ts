import type { DomainEvent } from '../../shared/decider';

/**
 * Stream `allocation-attempts-{projectId}`: every allocation the ledger refused, with why.
 * Refusals change nothing, but repeated ones (the same applicant, unit or officer) are what
 * inspectors look for.
 */
export type AllocationRefused = DomainEvent<
  'AllocationRefused',
  {
    projectId: string;
    unitNo: string;
    applicationId: string;
    /** The applicant, when the application was found. */
    citizenId: string | null;
    code: string;
    reason: string;
    attemptedAt: string;
  }
>;

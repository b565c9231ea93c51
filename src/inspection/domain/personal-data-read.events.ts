import type { DomainEvent } from '../../shared/decider';

/**
 * Stream `audit-reads-{YYYY-MM-DD}` (UTC day): who read whose personal data, through which
 * endpoint, and when (API.md "Auth"; Law 91/2025 on Personal Data Protection). `citizenIds` are
 * the people whose data the answer held, so "who looked at me" is one search; a large answer
 * (an export) is recorded in several parts, all in one append.
 */
export type PersonalDataRead = DomainEvent<
  'PersonalDataRead',
  {
    actor: { subject: string; role: string; province: string | null };
    what: { endpoint: string; ids: string[]; citizenIds: string[]; part?: number; parts?: number };
    at: string;
  }
>;

import type { ApplicationEvent } from '../../../applications/domain/application.events';
import { assertNever } from '../../../shared/decider';
import { calendarDay } from '../../../shared/stated-date';

/** The legal date an event of a file states (API.md "Time travel"): when it took effect, whenever it was recorded. */
export function statedDateOf(event: ApplicationEvent): string {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return event.data.submittedAt;
    case 'ApplicationAmended':
      return event.data.amendedAt;
    case 'ApplicationWithdrawn':
      return event.data.withdrawnAt;
    case 'EligibilityDecided':
      return event.data.decidedAt;
    case 'PriorityRanked':
      return event.data.rankedAt;
    case 'UnitAllocated':
      return event.data.allocatedAt;
    case 'AllocationRevoked':
      return event.data.revokedAt;
    case 'PopulationCheckRecorded':
      return event.data.checkedAt;
    default:
      return assertNever(event);
  }
}

/**
 * The events of a file in force on a legal day: those stating that day or an earlier one, in
 * the order the stream holds them. A file migrated from a paper register in 2026 whose register
 * says it was submitted in 2024 is a file on 2025-01-01, though the ledger learnt of it later.
 */
export function inForceOn<E extends ApplicationEvent>(events: readonly E[], validAt: string): E[] {
  const day = calendarDay(validAt);
  return events.filter((event) => calendarDay(statedDateOf(event)) <= day);
}

import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';

/** rm_population_checks: a newer check of a file replaces the older one, and the file no longer awaits one. */
export function applyPopulationCheckEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind !== 'application' || event.type !== 'PopulationCheckRecorded') return;
  const d = event.data;
  state.populationChecks.put({ application_id: d.applicationId, event_id: event.eventId, checked_at: d.checkedAt, recorded_at: event.recordedAt, persons: d.persons });
  const a = state.application(d.applicationId);
  if (!a) return;
  a.population_check_due = false;
  state.applications.touch(a);
}

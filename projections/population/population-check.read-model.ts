import { checkFails } from '../../src/population/domain/check-problems';
import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';
import type { PopulationCheckRow } from '../engine/rows';

/**
 * rm_population_checks: a newer check of a file replaces the older one, and the file no longer
 * awaits one. How long its checks have failed is kept: a failing re-check must not make an
 * "eligible" decision taken after the first failure look as if it came before it.
 */
export function applyPopulationCheckEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind !== 'application' || event.type !== 'PopulationCheckRecorded') return;
  const d = event.data;
  const failingSince = checkFails(d.persons) ? (failingSinceOf(state.populationChecks.get(d.applicationId)) ?? event.recordedAt) : null;
  state.populationChecks.put({
    application_id: d.applicationId, event_id: event.eventId, checked_at: d.checkedAt, recorded_at: event.recordedAt, persons: d.persons, failing_since: failingSince,
  });
  const a = state.application(d.applicationId);
  if (!a) return;
  a.population_check_due = false;
  state.applications.touch(a);
}

/** Since when the file's checks fail, as of this check (undefined when it is clean or there is none). */
export function failingSinceOf(check: Pick<PopulationCheckRow, 'persons' | 'recorded_at' | 'failing_since'> | undefined): string | undefined {
  if (!check || !checkFails(check.persons)) return undefined;
  return check.failing_since ?? check.recorded_at;
}

import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';

/** rm_programme_targets: the latest target per province and period (a new one supersedes). */
export function applyProgrammeEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind !== 'programme') return;
  const d = event.data;
  state.programmeTargets.put({ province_code: d.provinceCode, period: d.period, units: d.units, event_id: event.eventId });
}

import { calendarDay } from '../../src/shared/stated-date';
import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';

/** rm_land_fund: each commercial project's 20% obligation, what discharged it, and when it was first seen overdue. */
export function applyLandFundEvent(state: LedgerState, event: LedgerEvent): void {
  applyObligationEvent(state, event);
  markOverdue(state, event);
}

/**
 * The ledger's clock is its log: every event, whatever its stream, is a tick at its recorded time.
 * An obligation still undischarged on a day after its due date (in Vietnam, UTC+7) is marked with
 * the first event that saw it so, once. Judging by recorded time, never the wall clock, keeps a
 * replay identical (detector 10, land-fund-shortfall). The obligations awaiting their date sit on
 * a heap by due date, so a tick costs nothing until one falls due.
 */
function markOverdue(state: LedgerState, event: LedgerEvent): void {
  const day = dayOf(event.recordedAt);
  if (day === null) return;
  for (const id of state.awaitingDue.popBefore(day)) {
    const o = state.obligation(id);
    if (!o || o.discharged || o.overdue_event_id !== null || !(o.due_date < day)) continue;
    state.markOverdue(o, event.eventId, event.recordedAt);
  }
}

/** The events of one append share their recorded time: the day is worked out once for them. */
let lastDay: { recordedAt: string; day: string | null } = { recordedAt: '', day: null };
function dayOf(recordedAt: string): string | null {
  if (lastDay.recordedAt !== recordedAt) lastDay = { recordedAt, day: Number.isNaN(Date.parse(recordedAt)) ? null : calendarDay(recordedAt) };
  return lastDay.day;
}

function applyObligationEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind !== 'landfund') return;
  if (event.type === 'LandFundObligationRegistered') {
    const d = event.data;
    const o = {
      commercial_project_id: d.commercialProjectId, name: d.name, province_code: d.provinceCode, required_area_m2: d.requiredAreaM2, handed_over_m2: 0,
      paid_in_lieu_vnd: 0, discharged: false, due_date: d.dueDate, event_ids: [event.eventId], overdue_event_id: null, overdue_seen_at: null,
    };
    state.landFund.put(o);
    state.awaitIfDue(o);
    return;
  }
  const o = state.obligation(event.data.commercialProjectId);
  if (!o) return;
  if (event.type === 'LandFundHandedOver') {
    o.handed_over_m2 += event.data.areaM2;
    // The handed-over area decides alone, even after a payment in lieu (the rule as the oracle states it).
    o.discharged = o.handed_over_m2 >= o.required_area_m2;
  } else {
    o.paid_in_lieu_vnd += event.data.amountVnd;
    // Paying the fee in lieu discharges the whole obligation (Decree 261/2025 amending Decree 100 Art. 19).
    o.discharged = true;
  }
  o.event_ids.push(event.eventId);
  state.landFund.touch(o);
  state.awaitIfDue(o);
}

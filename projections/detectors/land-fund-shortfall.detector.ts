import { streams } from '../../src/shared/streams';
import { detector, type FindingDraft } from './detector';
import { landFundShortfallSummary } from './summaries/land-fund-shortfall.summary';


/**
 * Detector 10: a commercial housing project that, after its due date, has not handed over the
 * residential land it owes for social housing (20% under Decree 100/2024 Art. 17) nor paid the
 * land-use fee in lieu, which discharges it in full (Decree 261/2025 amending Art. 19).
 *
 * Time passes only with the log: "after the due date" is judged against the recorded time of the
 * event being processed, never the wall clock, so a replay raises the same findings at the same
 * positions. Every event is a clock tick: the land-fund read model marks an undischarged obligation
 * with the first event recorded on a Vietnamese day after its due date. keysOf returns the
 * obligations that event marked, plus the obligation of a land-fund event itself. A discharge
 * before that first tick raises nothing.
 *
 * The finding holds while the obligation stays undischarged and closes with the handover that
 * covers the requirement or the payment in lieu. Severity: high when nothing at all was handed
 * over, medium for a partial handover.
 */
export const landFundShortfall = detector({
  name: 'land-fund-shortfall',

  keysOf(event, state) {
    const own = event.kind === 'landfund' ? [event.data.commercialProjectId] : [];
    return [...new Set([...own, ...state.overdueBy(event.eventId)])];
  },

  evaluate(commercialProjectId, state): FindingDraft[] {
    const o = state.obligation(commercialProjectId);
    if (!o || o.discharged || !o.overdue_event_id) return [];
    const required = o.required_area_m2;
    const handed = o.handed_over_m2;
    const stream = streams.landFund(commercialProjectId);
    return [
      {
        discriminator: 'shortfall',
        severity: handed === 0 ? 'high' : 'medium',
        provinceCode: o.province_code,
        citizenIds: [],
        evidence: o.event_ids.map((eventId) => ({ eventId, stream })),
        summary: landFundShortfallSummary({ name: o.name, commercialProjectId, requiredM2: required, dueDate: o.due_date, handedM2: handed }),
        details: {
          name: o.name,
          dueDate: o.due_date,
          requiredAreaM2: required,
          handedOverM2: handed,
          shortfallM2: required - handed,
          paidInLieuVnd: o.paid_in_lieu_vnd,
          overdueSeenAt: o.overdue_seen_at,
          overdueSeenEventId: o.overdue_event_id,
        },
      },
    ];
  },
});

import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { Detector, FindingDraft } from './sql-detector';
import { landFundShortfallSummary } from '../../../projections/detectors/summaries/land-fund-shortfall.summary';

interface Obligation {
  commercial_project_id: string;
  name: string;
  province_code: string;
  required_area_m2: string;
  handed_over_m2: string;
  paid_in_lieu_vnd: string;
  discharged: boolean;
  due_date: string;
  event_ids: string[];
  overdue_event_id: string | null;
  overdue_seen_at: string | null;
}

const LAND_FUND_EVENTS = new Set(['LandFundObligationRegistered', 'LandFundHandedOver', 'LandFundPaidInLieu']);

/**
 * Detector 10: a commercial housing project that, after its due date, has not handed over the
 * residential land it owes for social housing (20% under Decree 100/2024 Art. 17) nor paid the
 * land-use fee in lieu, which discharges it in full (Decree 261/2025 amending Art. 19).
 *
 * Time passes only with the log: "after the due date" is judged against the recorded time of the
 * event being processed, never the wall clock, so a replay raises the same findings at the same
 * positions. Every event is a clock tick: the land-fund read model marks an undischarged obligation
 * with the first event recorded on a Vietnamese day after its due date (a land-fund handover that
 * leaves a shortfall, or any other event at all). keysOf returns the obligations that event marked
 * — those whose due date has just passed and that have no finding yet — in one indexed query, plus
 * the obligation of a land-fund event itself. A discharge before that first tick raises nothing.
 *
 * The finding holds while the obligation stays undischarged and closes with the handover that
 * covers the requirement or the payment in lieu. Severity: high when nothing at all was handed
 * over, medium for a partial handover.
 */
export const landFundShortfall: Detector = {
  name: 'land-fund-shortfall',

  async keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]> {
    const own = LAND_FUND_EVENTS.has(event.type) ? [event.data.commercialProjectId as string] : [];
    const overdue = await tx.query<{
      commercial_project_id: string;
    }[]>('SELECT commercial_project_id FROM rm_land_fund WHERE overdue_event_id = $1', [event.eventId]);
    return [...new Set([...own, ...overdue.map((o) => o.commercial_project_id)])];
  },

  async evaluate(commercialProjectId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const o = (await tx.query<Obligation[]>(
      `SELECT commercial_project_id, name, province_code, required_area_m2, handed_over_m2, paid_in_lieu_vnd, discharged, due_date, event_ids,
         overdue_event_id, overdue_seen_at FROM rm_land_fund WHERE commercial_project_id = $1`,
      [commercialProjectId],
    )).at(0);
    if (!o || o.discharged || !o.overdue_event_id) return [];
    const required = Number(o.required_area_m2);
    const handed = Number(o.handed_over_m2);
    const stream = `landfund-${commercialProjectId}`;
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
          paidInLieuVnd: Number(o.paid_in_lieu_vnd),
          overdueSeenAt: o.overdue_seen_at,
          overdueSeenEventId: o.overdue_event_id,
        },
      },
    ];
  },
};

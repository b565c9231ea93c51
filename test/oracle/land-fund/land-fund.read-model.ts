import type { EntityManager } from 'typeorm';
import type { LandFundHandedOver, LandFundObligationRegistered, LandFundPaidInLieu } from '../../../src/land-fund/domain/land-fund.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';

/** Vietnam keeps one time zone, UTC+7, with no daylight saving. */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

/** rm_land_fund: each commercial project's 20% obligation, what discharged it, and when it was first seen overdue. */
export async function applyLandFundEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  await applyObligationEvent(event, tx);
  await markOverdue(event, tx);
}

/**
 * The ledger's clock is its log: every event, whatever its stream, is a tick at its recorded time.
 * An obligation still undischarged on a day after its due date (in Vietnam, UTC+7) is marked with
 * the first event that saw it so, once. Judging by recorded time, never the wall clock, keeps a
 * replay identical (detector 10, land-fund-shortfall). One statement on a partial index of the
 * obligations not yet seen overdue.
 */
async function markOverdue(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  const recordedAt = event.metadata.recordedAt;
  const instant = Date.parse(recordedAt);
  if (Number.isNaN(instant)) return;
  const day = new Date(instant + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
  await tx.query(
    `UPDATE rm_land_fund SET overdue_event_id = $1, overdue_seen_at = $2 WHERE NOT discharged AND overdue_event_id IS NULL AND due_date < $3`,
    [event.eventId, recordedAt, day],
  );
}

async function applyObligationEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  switch (event.type) {
    case 'LandFundObligationRegistered': {
      const d = as<LandFundObligationRegistered>(event);
      await tx.query(
        `INSERT INTO rm_land_fund (commercial_project_id, name, province_code, required_area_m2, due_date, event_ids)
         VALUES ($1, $2, $3, $4, $5, ARRAY[$6::uuid])`,
        [d.commercialProjectId, d.name, d.provinceCode, d.requiredAreaM2, d.dueDate, event.eventId],
      );
      return;
    }
    case 'LandFundHandedOver': {
      const d = as<LandFundHandedOver>(event);
      await tx.query(
        `UPDATE rm_land_fund SET handed_over_m2 = handed_over_m2 + $2, discharged = handed_over_m2 + $2 >= required_area_m2,
           event_ids = event_ids || $3::uuid WHERE commercial_project_id = $1`,
        [d.commercialProjectId, d.areaM2, event.eventId],
      );
      return;
    }
    case 'LandFundPaidInLieu': {
      const d = as<LandFundPaidInLieu>(event);
      // Paying the fee in lieu discharges the whole obligation (Decree 261/2025 amending Decree 100 Art. 19).
      await tx.query(
        `UPDATE rm_land_fund SET paid_in_lieu_vnd = paid_in_lieu_vnd + $2, discharged = true, event_ids = event_ids || $3::uuid
         WHERE commercial_project_id = $1`,
        [d.commercialProjectId, d.amountVnd, event.eventId],
      );
      return;
    }
    default:
      return;
  }
}

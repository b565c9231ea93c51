import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { PopulationCheckRecorded } from '../../../src/population/domain/population-check.events';
import { as } from '../ledger/read-model';

/** rm_population_checks: a newer check of a file replaces the older one, and the file no longer awaits one. */
export async function applyPopulationCheckEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (event.type !== 'PopulationCheckRecorded') return;
  const d = as<PopulationCheckRecorded>(event);
  await tx.query(
    `INSERT INTO rm_population_checks (application_id, event_id, checked_at, recorded_at, persons) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (application_id) DO UPDATE SET event_id = EXCLUDED.event_id, checked_at = EXCLUDED.checked_at,
       recorded_at = EXCLUDED.recorded_at, persons = EXCLUDED.persons`,
    [d.applicationId, event.eventId, d.checkedAt, event.metadata.recordedAt, JSON.stringify(d.persons)],
  );
  await tx.query('UPDATE rm_applications SET population_check_due = false WHERE application_id = $1', [d.applicationId]);
}

import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { PopulationCheckRecorded } from '../../../src/population/domain/population-check.events';
import { checkFails } from '../../../src/population/domain/check-problems';
import type { PopulationCheckRow } from '../../../projections/engine/rows';
import { as } from '../ledger/read-model';

/** rm_population_checks: a newer check of a file replaces the older one, and the file no longer awaits one. */
export async function applyPopulationCheckEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (event.type !== 'PopulationCheckRecorded') return;
  const d = as<PopulationCheckRecorded>(event);
  const before = (await tx.query<Pick<PopulationCheckRow, 'persons' | 'recorded_at' | 'failing_since'>[]>(
    'SELECT persons, recorded_at, failing_since FROM rm_population_checks WHERE application_id = $1',
    [d.applicationId],
  )).at(0);
  // A failing check continues the run of failures its predecessor was in, or starts one.
  const continued = before !== undefined && checkFails(before.persons) ? (before.failing_since ?? before.recorded_at) : null;
  const failingSince = checkFails(d.persons) ? (continued ?? event.metadata.recordedAt) : null;
  await tx.query(
    `INSERT INTO rm_population_checks (application_id, event_id, checked_at, recorded_at, persons, failing_since) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (application_id) DO UPDATE SET event_id = EXCLUDED.event_id, checked_at = EXCLUDED.checked_at,
       recorded_at = EXCLUDED.recorded_at, persons = EXCLUDED.persons, failing_since = EXCLUDED.failing_since`,
    [d.applicationId, event.eventId, d.checkedAt, event.metadata.recordedAt, JSON.stringify(d.persons), failingSince],
  );
  await tx.query('UPDATE rm_applications SET population_check_due = false WHERE application_id = $1', [d.applicationId]);
}

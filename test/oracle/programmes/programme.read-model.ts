import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { ProgrammeTargetSet } from '../../../src/programmes/domain/programme.events';
import { as } from '../ledger/read-model';

/** rm_programme_targets: the latest target per province and period (a new one supersedes). */
export async function applyProgrammeEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (event.type !== 'ProgrammeTargetSet') return;
  const d = as<ProgrammeTargetSet>(event);
  await tx.query(
    `INSERT INTO rm_programme_targets (province_code, period, units, event_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (province_code, period) DO UPDATE SET units = EXCLUDED.units, event_id = EXCLUDED.event_id`,
    [d.provinceCode, d.period, d.units, event.eventId],
  );
}

import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { applyApplicationEvent } from '../applications/application.read-model';
import { applyClaimEvent } from '../claims/claim.read-model';
import type { Detector } from '../detectors/sql-detector';
import { reconcileFindings } from '../detectors/findings-writer';
import { applyLandFundEvent } from '../land-fund/land-fund.read-model';
import { applyProgrammeEvent } from '../programmes/programme.read-model';
import { applyPopulationCheckEvent } from '../population/population-check.read-model';
import type { Projection } from '../../../projections/runner/projection';
import { applyUnitEvent } from '../units/unit.read-model';
import type { ReadModelApplier } from './read-model';

const READ_MODELS: ReadModelApplier[] = [
  applyUnitEvent,
  applyApplicationEvent,
  applyClaimEvent,
  applyLandFundEvent,
  applyProgrammeEvent,
  applyPopulationCheckEvent,
];

/**
 * The read models and every detector, in one projection: a detector reads the read models as they
 * stand right after each event, inside the transaction that moves the checkpoint, so findings can
 * never run ahead of or behind the facts they rest on.
 */
export class SqlLedgerProjection implements Projection {
  readonly name = 'ledger';
  readonly tables = ['rm_projects', 'rm_applications', 'rm_people', 'rm_units', 'rm_claims', 'rm_land_fund', 'rm_programme_targets', 'rm_population_checks', 'findings'];

  constructor(private readonly detectors: readonly Detector[]) {}

  async apply(events: ReadSideEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      for (const apply of READ_MODELS) await apply(event, tx);
      for (const detector of this.detectors) {
        for (const key of await detector.keysOf(event, tx)) {
          await reconcileFindings(tx, detector, key, await detector.evaluate(key, tx), event);
        }
      }
    }
  }
}

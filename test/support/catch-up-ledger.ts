import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../../src/shared/clock';
import { DETECTORS } from '../../projections/detectors';
import { LedgerProjection } from '../../projections/ledger/ledger.projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';

/**
 * Runs the ledger projection to the head of the log in small batches, in a process of its own,
 * so the crash test can kill it with SIGKILL at an arbitrary instant. Built into dist/ by npm test.
 */
async function main(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url });
  const dataSource = new DataSource({ type: 'postgres', url });
  await dataSource.initialize();
  const runner = new ProjectionRunner(new PostgresEventStore(pool, systemClock, 1024 * 1024), dataSource);
  await runner.catchUp(new LedgerProjection(DETECTORS), { batchSize: 10 });
  await dataSource.destroy();
  await pool.end();
}

main(process.argv[2]).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

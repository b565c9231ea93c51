import { DataSource } from 'typeorm';
import { Pool } from 'pg';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../src/shared/clock';
import { LedgerProjection } from '../projections/ledger/ledger.projection';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import type { RebuildReport, RebuildRequest } from './rebuild-process';

/**
 * The child side of rebuildInChild: rebuilds the ledger projection on the database it is sent and
 * reports progress, then its own CPU and peak RSS, which nothing else in the benchmark (the
 * dataset generator, the writers) inflates.
 */
process.once('message', (request: RebuildRequest) => {
  void rebuild(request).then((report) => process.send?.(report), (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  }).finally(() => process.disconnect());
});

async function rebuild({ url, batchSize, maxResidentRows }: RebuildRequest): Promise<RebuildReport> {
  const pool = new Pool({ connectionString: url, max: 4 });
  const dataSource = new DataSource({ type: 'postgres', url, extra: { max: 4 } });
  await dataSource.initialize();
  try {
    const runner = new ProjectionRunner(new PostgresEventStore(pool, systemClock, 1024 * 1024), dataSource);
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const applied = await runner.rebuild(new LedgerProjection(undefined, { maxResidentRows }), {
      batchSize,
      onProgress: (n) => process.send?.({ progress: n }),
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { applied, seconds, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  } finally {
    await dataSource.destroy();
    await pool.end();
  }
}

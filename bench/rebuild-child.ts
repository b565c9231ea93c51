import { DataSource } from 'typeorm';
import { Pool } from 'pg';
import { LOG_START, type LogPosition } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../src/shared/clock';
import { LedgerProjection } from '../projections/ledger/ledger.projection';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import type { RebuildReport, RebuildRequest } from './rebuild-process';
import { boundHeapGrowth } from '../src/shared/heap-growth';

/**
 * The child side of rebuildInChild: on the database it is sent, reads the whole log with no
 * projection work (the baseline), then rebuilds the ledger projection, reporting progress, then
 * the times, its CPU and peak RSS, which nothing else in the benchmark (the dataset generator, the
 * writers) inflates. Both run in this one process, so neither has a JIT or a heap the other lacks,
 * and the heap grows as the service's and `noxh`'s do (boundHeapGrowth).
 */
boundHeapGrowth();
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
    const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
    const readStart = performance.now();
    const read = await readWholeLog(store, batchSize);
    const readSeconds = (performance.now() - readStart) / 1000;
    const readPeakRssBytes = process.resourceUsage().maxRSS * 1024;
    const runner = new ProjectionRunner(store, dataSource);
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    const applied = await runner.rebuild(new LedgerProjection(undefined, { maxResidentRows }), {
      batchSize,
      onProgress: (n) => process.send?.({ progress: n }),
    });
    const seconds = (performance.now() - start) / 1000;
    const cpu = process.cpuUsage(cpu0);
    return { read, readSeconds, readPeakRssBytes, applied, seconds, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
  } finally {
    await dataSource.destroy();
    await pool.end();
  }
}

/** The reads a rebuild makes, and nothing else: pages of `batchSize` from the start, rows parsed by pg into the events the projections read (readAllForProjections). */
async function readWholeLog(store: PostgresEventStore, batchSize: number): Promise<number> {
  let after: LogPosition = LOG_START;
  let read = 0;
  for (;;) {
    const { events, next } = await store.readAllForProjections({ after, limit: batchSize });
    read += events.length;
    after = next;
    if (events.length < batchSize) return read;
  }
}

import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../src/shared/clock';
import { DETECTORS } from '../projections/detectors';
import { LedgerProjection } from '../projections/ledger/ledger.projection';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import { openBenchDatabase } from './bench-database';
import { ledgerDataset } from './ledger-dataset';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const WRITERS = 4;

/**
 * `npm run bench -- projections`: writes a synthetic history of BENCH_EVENTS events (default one
 * million) through the event store, then rebuilds the ledger projection (every read model and
 * all twelve detectors) from scratch, and reports events per second for both and the peak memory.
 */
export async function projectionsBenchmark(): Promise<void> {
  const db = await openBenchDatabase();
  try {
    const pool = db.pool(WRITERS + 4);
    const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
    const actor = { subject: 'bench', role: 'board' as const, province: '31' };

    const writeBar = new SingleBar({ format: 'write   {bar} {value}/{total} events  {eta_formatted} left', etaBuffer: 50 });
    writeBar.start(EVENTS, 0);
    const writeStart = performance.now();
    let written = 0;
    const groups = ledgerDataset(EVENTS);
    // A few writers in parallel, each taking the next group of stream appends (one store call each).
    await Promise.all(
      Array.from({ length: WRITERS }, async () => {
        for (let next = groups.next(); !next.done; next = groups.next()) {
          const result = await store.appendMany(next.value, { actor });
          written += result.events.length;
          writeBar.update(written);
        }
      }),
    );
    writeBar.stop();
    const writeSeconds = (performance.now() - writeStart) / 1000;

    const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await dataSource.initialize();
    const runner = new ProjectionRunner(store, dataSource);
    const rebuildBar = new SingleBar({ format: 'rebuild {bar} {value}/{total} events  {eta_formatted} left', etaBuffer: 50 });
    rebuildBar.start(written, 0);
    const rebuildStart = performance.now();
    const applied = await runner.rebuild(new LedgerProjection(DETECTORS), { batchSize: 2000, onProgress: (n) => rebuildBar.update(n) });
    rebuildBar.stop();
    const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
    const [{ findings }] = (await dataSource.query('SELECT count(*)::int AS findings FROM findings')) as { findings: number }[];
    await dataSource.destroy();

    console.log(`events written   ${written} in ${writeSeconds.toFixed(1)} s: ${Math.round(written / writeSeconds)} events/s (${WRITERS} writers)`);
    console.log(`ledger rebuilt   ${applied} events in ${rebuildSeconds.toFixed(1)} s: ${Math.round(applied / rebuildSeconds)} events/s`);
    console.log(`findings raised  ${findings} by ${DETECTORS.length} detectors`);
    console.log(`process RSS      ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB at the end`);
  } finally {
    await db.close();
  }
}

import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { importApplications } from '../src/applications/intake/import-applications';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import type { Actor } from '../src/shared/actor';
import { systemClock } from '../src/shared/clock';
import { PLAIN_TABLE } from './append-sides';
import { openBenchDatabase } from './bench-database';
import { benchCsv, benchRows, type BenchRow } from './import-rows';

const ROWS = Number(process.env.IMPORT_BENCH_ROWS ?? 100_000);
const PLAIN_BATCH = 1000;
const TARGET = 0.6;
const OFFICER = 'Phạm Thu Hà';
const actor: Actor = { subject: 'bench-board-31', role: 'board', province: '31' };

/**
 * Issue 12's target: `noxh import applications` of 100,000 rows at ≥ 0.6× the rate of the same
 * rows as plain batched INSERTs (1000 rows a statement, nothing computed), in one run on one
 * database. The import's time is the whole path from the file's bytes: parse, the DTO's
 * validation, the decider, the batch read of the streams and the hash-chained append. The plain
 * side is timed before and after the import and averaged, so table growth hits both sides.
 */
export async function importBenchmark(): Promise<void> {
  const database = await openBenchDatabase();
  try {
    const pool = database.pool(4);
    await pool.query(PLAIN_TABLE);
    const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
    const projectId = 'bench-import';
    await store.append(`project-${projectId}`, [{ type: 'ProjectRegistered', data: {
      projectId, name: 'Bench', provinceCode: '31', investor: 'Bench', kind: 'new', landAreaM2: 20_000, plannedUnits: ROWS, registeredAt: new Date().toISOString(),
    } }], { expectedRevision: 'no_stream', actor });
    const rows = benchRows(ROWS, projectId, OFFICER);
    const csv = benchCsv(rows);
    console.log(`${ROWS} rows, CSV ${(csv.length / 1e6).toFixed(1)} MB`);

    const plainBefore = await plainInserts(pool, rows, 'before');
    const started = performance.now();
    const report = await importApplications(store, csv, { projectId, officer: OFFICER, actor });
    const importSeconds = (performance.now() - started) / 1000;
    if (report.accepted !== ROWS) throw new Error(`import accepted ${report.accepted} of ${ROWS} (first rejection: ${JSON.stringify(report.rejected[0])})`);
    const plainAfter = await plainInserts(pool, rows, 'after');

    const plainSeconds = (plainBefore + plainAfter) / 2;
    const ratio = plainSeconds / importSeconds;
    console.log(`plain batched INSERTs: ${plainBefore.toFixed(2)} s before, ${plainAfter.toFixed(2)} s after → ${Math.round(ROWS / plainSeconds)} rows/s`);
    console.log(`noxh import applications: ${importSeconds.toFixed(2)} s → ${Math.round(ROWS / importSeconds)} rows/s`);
    console.log(`import / plain: ${ratio.toFixed(2)}× (target ≥ ${TARGET}×) ${ratio >= TARGET ? 'MET' : 'NOT MET'}`);
  } finally {
    await database.close();
  }
}

/** The same rows, as ApplicationSubmitted events with the store's metadata shape, 1000 per INSERT. */
async function plainInserts(pool: Pool, rows: readonly BenchRow[], side: string): Promise<number> {
  const started = performance.now();
  const hash = 'f'.repeat(64);
  for (let start = 0; start < rows.length; start += PLAIN_BATCH) {
    const batch = rows.slice(start, start + PLAIN_BATCH);
    const params: unknown[] = [];
    const values = batch.map((row, i) => {
      const eventId = randomUUID();
      const recordedAt = new Date().toISOString();
      const metadata = { eventId, correlationId: eventId, actor, recordedAt, schemaVersion: 1 };
      params.push(eventId, `plain-${side}-${row.payload.applicationId as string}`, 0, 'ApplicationSubmitted', JSON.stringify(row.payload), JSON.stringify(metadata), recordedAt, '0'.repeat(64), hash);
      return `(${Array.from({ length: 9 }, (_, c) => `$${i * 9 + c + 1}`).join(', ')})`;
    });
    await pool.query(
      `INSERT INTO plain_events (event_id, stream_id, stream_revision, type, data, metadata, recorded_at, prev_hash, hash) VALUES ${values.join(', ')}`,
      params,
    );
  }
  return (performance.now() - started) / 1000;
}

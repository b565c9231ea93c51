import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { applicationPayloads } from './application-payload';
import { benchDataSource } from './bench-checkpointer';
import { compareCheckpointer, printCheckpointerResults } from './checkpointer-rounds';
import { PLAIN_TABLE, plainSide, Side, storeSide } from './append-sides';
import { openBenchDatabase } from './bench-database';
import { Round, runFor, sum } from './measure';
import { Phase, PhaseResult, printResults } from './event-store.report';

const PHASES: Phase[] = [
  { name: 'single', writers: 1, perAppend: 1 },
  { name: 'single', writers: 16, perAppend: 1 },
  { name: 'batch-100', writers: 1, perAppend: 100 },
  { name: 'batch-100', writers: 16, perAppend: 100 },
];
/** Issue #10's comparison, with and without the checkpointer: the loaded phases only. */
const CHECKPOINTER_PHASES: Phase[] = PHASES.filter((p) => p.writers > 1);
const POOL_SIZE = 20;
const WARMUP_MS = 1_000;
const ROUND_MS = 2_500;
/** store, plain, plain, store, …: any linear drift (table growth, a warming cache) hits both sides equally. */
const ORDER: Side['name'][] = ['store', 'plain', 'plain', 'store', 'store', 'plain', 'plain', 'store'];

/**
 * PostgresEventStore appends against plain INSERTs of the same rows, in one run, on one pool.
 * Whole run: 4 phases × (2 s warm-up + 8 × 2.5 s) ≈ 90 s, then 2 phases with and without the
 * checkpointer ≈ 45 s, plus database start.
 */
export async function eventStoreBenchmark(): Promise<void> {
  const setupStart = performance.now();
  const database = await openBenchDatabase();
  try {
    const pool = database.pool(POOL_SIZE);
    await pool.query(PLAIN_TABLE);
    const payloads = applicationPayloads(1024);
    const bytes = payloads.reduce((n, p) => n + Buffer.byteLength(JSON.stringify(p)), 0) / payloads.length;
    console.log(`database ready in ${seconds(setupStart)} s; ${await settings(pool)}`);
    console.log(`payload: ApplicationSubmitted, ${Math.round(bytes)} bytes of JSON on average; pool ${POOL_SIZE} connections`);

    const sides = { store: storeSide(pool, payloads), plain: plainSide(pool, payloads) };
    const results: PhaseResult[] = [];
    for (const phase of PHASES) {
      const phaseStart = performance.now();
      // A checkpoint left over from the previous phase would land on whichever side runs first.
      await pool.query('CHECKPOINT').catch(() => undefined);
      const run = (side: Side, milliseconds: number): Promise<Round> =>
        runFor(phase.writers, milliseconds, side.appendOnce(phase.perAppend), database.postmasterPid);
      for (const side of [sides.store, sides.plain]) await run(side, WARMUP_MS);
      const rounds: Record<Side['name'], Round[]> = { store: [], plain: [] };
      for (const name of ORDER) rounds[name].push(await run(sides[name], ROUND_MS));
      results.push({ phase, store: sum(rounds.store), plain: sum(rounds.plain) });
      console.log(`  ${phase.name} × ${phase.writers} writers: ran ${seconds(phaseStart)} s (warm-up ${(2 * WARMUP_MS) / 1000} s, ${ORDER.length} rounds of ${ROUND_MS / 1000} s)`);
    }
    printResults(results);

    const dataSource = await benchDataSource(database.url, 4);
    try {
      printCheckpointerResults(await compareCheckpointer(pool, dataSource, sides.store, CHECKPOINTER_PHASES, database.postmasterPid));
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await database.close();
  }
}

async function settings(pool: Pool): Promise<string> {
  const names = ['server_version', 'synchronous_commit', 'fsync', 'shared_buffers', 'max_wal_size'];
  const { rows } = await pool.query<{ name: string; setting: string }>(
    `SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`, [names]);
  return rows.map((r) => `${r.name}=${r.setting}`).join(' ');
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

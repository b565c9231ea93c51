import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { CheckpointerService } from '../src/audit/checkpoints/checkpointer.service';
import type { Checkpointer } from '../src/audit/checkpoints/checkpointer';
import { loadConfig } from '../src/config/app-config';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../src/shared/clock';
import type { Side } from './append-sides';
import { benchCheckpointer, benchKeyRing } from './bench-checkpointer';
import type { Phase } from './event-store.report';
import { type Round, runFor, sum } from './measure';

export interface CheckpointerResult {
  phase: Phase;
  without: Round;
  with: Round;
  /** After each round with the checkpointer: the time the tree took to take in what it had not yet, appends stopped. */
  drainSeconds: number;
  checkpoints: number;
}

const WARMUP_MS = 1_000;
/** Longer than the other rounds: the tree is brought up once a second, and a round should hold several of its ticks. */
const ROUND_MS = 5_000;
/**
 * without, with, with, without, twice: linear drift hits both sides equally, and a burst of other
 * load on this shared machine weighs half as much on either (one ABBA swung single × 16 between
 * 0.76 and 1.25 from run to run).
 */
const ORDER = [false, true, true, false, false, true, true, false];
/** The service's setting (PROJECTIONS=live starts the checkpointer's ticks), nothing else read from the environment. */
const LIVE = loadConfig({ PROJECTIONS: 'live' });

/**
 * Issue #10: appends with the checkpointer running against appends without it, same run, same
 * pool. "With" is CheckpointerService as the app starts it. Before each such round the tree is
 * brought up to the log untimed (the rounds without it left it behind); after it, the service
 * stops and what the tree had not yet taken in is drained, timed, and charged to the round: the
 * ratio is conservative, as in steady running that work overlaps the next appends. `side` is the
 * store side of the bench above, so its streams go on being new ones.
 */
export async function compareCheckpointer(pool: Pool, dataSource: DataSource, side: Side, phases: Phase[], postmasterPid?: number): Promise<CheckpointerResult[]> {
  const checkpointer = benchCheckpointer(new PostgresEventStore(pool, systemClock, 1024 * 1024), dataSource, benchKeyRing());
  const results: CheckpointerResult[] = [];
  for (const phase of phases) {
    await pool.query('CHECKPOINT').catch(() => undefined);
    const rounds = { with: [] as Round[], without: [] as Round[] };
    let drainSeconds = 0;
    const signedBefore = await signedCount(pool);
    const round = async (withCheckpointer: boolean, milliseconds: number): Promise<Round> => {
      const append = () => runFor(phase.writers, milliseconds, side.appendOnce(phase.perAppend), postmasterPid);
      if (!withCheckpointer) return append();
      await drain(checkpointer);
      const service = new CheckpointerService(checkpointer, dataSource, LIVE);
      service.onApplicationBootstrap();
      const timed = await append();
      const start = performance.now();
      await service.beforeApplicationShutdown();
      await drain(checkpointer);
      drainSeconds += (performance.now() - start) / 1000;
      return timed;
    };
    await round(false, WARMUP_MS);
    await round(true, WARMUP_MS);
    drainSeconds = 0;
    for (const withCheckpointer of ORDER) (withCheckpointer ? rounds.with : rounds.without).push(await round(withCheckpointer, ROUND_MS));
    results.push({ phase, with: sum(rounds.with), without: sum(rounds.without), drainSeconds, checkpoints: (await signedCount(pool)) - signedBefore });
  }
  return results;
}

/** Until every committed event is a leaf (the last ones become readable once their transactions are below every reader's horizon). */
async function drain(checkpointer: Checkpointer): Promise<void> {
  do await checkpointer.catchUpTree();
  while (!(await checkpointer.treeIsCurrent()));
}

async function signedCount(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(`SELECT count(*) AS n FROM events WHERE stream_id = 'audit-checkpoints'`);
  return Number(rows[0].n);
}

/** The bar: the checkpointer may cost appends at most 5 % (issue #10). */
const TARGET = 0.95;

export function printCheckpointerResults(results: CheckpointerResult[]): void {
  const rate = (r: Round, extraSeconds = 0): number => r.events / (r.seconds + extraSeconds);
  const micros = (cores: number, r: Round): string => (Number.isNaN(cores) ? '-' : ((cores * r.seconds * 1e6) / r.events).toFixed(0));
  const cpu = (r: Round): string => `${micros(r.nodeCores, r)}+${micros(r.serverCores, r)}`;
  const header = ['phase', 'writers', 'without ev/s', 'with ev/s', 'drain s', 'with+drain ev/s', 'with/without', 'without µs/ev', 'with µs/ev', 'signed', 'host cores'];
  const rows = results.map((r) => [
    r.phase.name, String(r.phase.writers), rate(r.without).toFixed(0), rate(r.with).toFixed(0), r.drainSeconds.toFixed(2), rate(r.with, r.drainSeconds).toFixed(0),
    (rate(r.with, r.drainSeconds) / rate(r.without)).toFixed(3), cpu(r.without), cpu(r.with), String(r.checkpoints),
    `${r.without.hostCores.toFixed(1)}/${r.with.hostCores.toFixed(1)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log('\nappends with the checkpointer running (CheckpointerService, PROJECTIONS=live) against without it, same run:');
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
  console.log('with/without counts the drain in the time of the rounds with it; µs/ev = CPU per event while appending, Node (writers and checkpointer ' +
    'share the process) + PostgreSQL, drain excluded');
  for (const r of results) {
    const ratio = rate(r.with, r.drainSeconds) / rate(r.without);
    console.log(`target: with the checkpointer >= ${TARGET.toFixed(2)}x without (${r.phase.name} × ${r.phase.writers}): ${ratio.toFixed(3)} — ${ratio >= TARGET ? 'met' : 'NOT met'}`);
  }
}

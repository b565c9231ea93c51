import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { latestCheckpoint } from '../src/audit/checkpoints/checkpoint-rows';
import type { Checkpointer } from '../src/audit/checkpoints/checkpointer';
import type { KeyRing } from '../src/audit/checkpoints/signing-keys';
import { rootFromInclusionProof, verifyConsistency } from '../src/audit/merkle/proof-verification';
import { rootAt, treeSize } from '../src/audit/merkle/stored-tree';
import { preparedSql } from '../src/audit/merkle/prepared-sql';
import { consistencyProof, inclusionProof } from '../src/audit/proofs/proofs';
import { VERIFY_PAGE_SIZE, verifyLedger } from '../src/audit/verification/ledger-verifier';
import { LOG_START, type LogPosition } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../src/shared/clock';
import { benchCheckpointer, benchKeyRing, CHECKPOINT_SETTINGS, benchDataSource } from './bench-checkpointer';
import { type BenchDatabase, openBenchDatabase } from './bench-database';
import { ChainedLog } from './chained-log';
import { type CheckpointsResult, printCheckpointsSummary } from './checkpoints-report';
import { type Latency, latencies, ms, summarise } from './latency';
import { LedgerDataset } from './ledger-dataset';
import { plantRates } from './ledger-plants';
import { cpuMark, withBar } from './population-report';

/** The verifier's own page size: the baseline reads the log the same way. */
const PAGE = VERIFY_PAGE_SIZE;
const SIGNINGS = 10;

const list = (name: string, fallback: number[]): number[] => {
  const given = (process.env[name] ?? '').split(',').map(Number).filter((n) => n > 0);
  return given.length > 0 ? given.sort((a, b) => a - b) : fallback;
};
const load = (): string => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Context {
  db: BenchDatabase;
  pool: Pool;
  store: PostgresEventStore;
  dataSource: DataSource;
  keys: KeyRing;
  checkpointer: Checkpointer;
  log: ChainedLog;
  dataset: LedgerDataset;
  proofs: number;
}

/**
 * `npm run bench -- checkpoints` (issue #10): one database grown to each of BENCH_EVENTS (default
 * 10k, 100k, 1M) content events, with a signed checkpoint every CHECKPOINT_EVERY events in the log
 * as the checkpointer writes them. At each size: the Merkle tree's build (the checkpointer's own
 * projection over the new events), signing, BENCH_PROOFS (default 2000) inclusion and consistency
 * proofs through the functions the HTTP endpoints call, and a full verification from scratch
 * beside its baseline, the same log read and parsed with nothing checked.
 */
export async function checkpointsBenchmark(): Promise<void> {
  const sizes = list('BENCH_EVENTS', [10_000, 100_000, 1_000_000]);
  const proofs = Number(process.env.BENCH_PROOFS ?? 2000);
  console.log(`sizes ${sizes.join(', ')} (content events; the log also holds the checkpoints); ${proofs} proofs per kind; ` +
    `CHECKPOINT_EVERY ${CHECKPOINT_SETTINGS.every}; load average ${load()} on a shared 2-core machine: wall-clock figures are noisy, CPU seconds less so`);
  const db = await openBenchDatabase();
  try {
    const pool = db.pool(4);
    const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
    const dataSource = await benchDataSource(db.url, 4);
    try {
      const keys = benchKeyRing();
      const checkpointer = benchCheckpointer(store, dataSource, keys);
      const context: Context = {
        db, pool, store, dataSource, keys, checkpointer, proofs,
        log: new ChainedLog(pool, keys, CHECKPOINT_SETTINGS), dataset: new LedgerDataset(plantRates()),
      };
      const results: CheckpointsResult[] = [];
      for (const size of sizes) results.push(await runSize(context, size));
      printCheckpointsSummary(results);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await db.close();
  }
}

async function runSize(c: Context, target: number): Promise<CheckpointsResult> {
  console.log(`\n-- ${target.toLocaleString('en-US')} content events (load average ${load()}) --`);
  await c.log.absorb();
  const before = c.log.size;
  const write = await timed(c.db, () => withBar('write', target, 'events', (update) => c.log.write(c.dataset.groups(target - c.log.contentEvents), update)));
  console.log(`  wrote ${c.log.size - before} rows by COPY (chains and checkpoints computed in the bench) in ${write.seconds.toFixed(1)} s; ` +
    `log ${c.log.size} events, ${c.log.checkpoints} of them checkpoints`);

  // The checkpointer's own catch-up: its batch size, under its leader lock.
  const tree = await timed(c.db, () => c.checkpointer.catchUpTree());
  const leaves = (await treeSize(c.dataSource)).size;
  if (leaves !== c.log.size) throw new Error(`bench: the tree has ${leaves} leaves, the log ${c.log.size} events`);
  const built = leaves - before;
  console.log(`  tree: ${built} leaves added in ${tree.seconds.toFixed(1)} s = ${rate(built, tree.seconds)} leaves/s; CPU ${tree.cpu}`);

  const signing = await signings(c);
  console.log(`  signing (Checkpointer.signIfDue: root from the stored nodes, Ed25519, append): p50 ${ms(signing.p50)}, max ${ms(signing.max)} over ${SIGNINGS}`);

  const checkpoint = await latestCheckpoint(c.dataSource);
  if (!checkpoint) throw new Error('bench: no checkpoint recorded');
  const size = checkpoint.treeSize;
  const root = Buffer.from(checkpoint.rootHash, 'hex');
  const ids = await c.dataSource.query<{ event_id: string }[]>(
    // The tree's first `size` leaves are the log's first `size` events in read order.
    'SELECT event_id FROM (SELECT event_id FROM events ORDER BY tx_id, global_position LIMIT $1) leaves ORDER BY random() LIMIT $2', [size, c.proofs]);
  // As the endpoints read (TamperEvidenceService): statements prepared per connection.
  const reads = preparedSql(c.pool);
  const inclusion = await latencies(ids.map((r) => r.event_id), (id) => inclusionProof(reads, id, size));
  const wrong = inclusion.results.filter((p) => !rootFromInclusionProof(p.leafIndex, size, Buffer.from(p.leafHash, 'hex'), p.auditPath.map(hex))?.equals(root));
  if (wrong.length > 0) throw new Error(`bench: ${wrong.length} inclusion proofs do not lead to checkpoint ${size}'s root`);
  console.log(`  inclusion proof (as GET /audit/proofs/inclusion) at tree size ${size}: p50 ${ms(inclusion.latency.p50)}, p99 ${ms(inclusion.latency.p99)}, ` +
    `max ${ms(inclusion.latency.max)} over ${inclusion.latency.count} random leaves; every one verified against the signed root`);

  const pairs = Array.from({ length: c.proofs }, () => 1 + Math.floor(Math.random() * (size - 1)));
  const consistency = await latencies(pairs, (from) => consistencyProof(reads, from, size));
  for (const proof of consistency.results.slice(0, 50)) {
    if (!verifyConsistency(proof.from, size, await rootAt(c.dataSource, proof.from), root, proof.proof.map(hex))) throw new Error(`bench: consistency ${proof.from}→${size} does not verify`);
  }
  console.log(`  consistency proof (as GET /audit/proofs/consistency) random from → ${size}: p50 ${ms(consistency.latency.p50)}, p99 ${ms(consistency.latency.p99)}, ` +
    `max ${ms(consistency.latency.max)} over ${consistency.latency.count}; 50 verified`);

  const logged = await c.store.countAfter(LOG_START, Number.MAX_SAFE_INTEGER);
  const baseline = await timed(c.db, () => readWholeLog(c.store));
  const verify = await timed(c.db, () => verifyLedger(c.store, { trusted: c.keys.trusted, witnesses: new Map() }));
  const { report } = verify.value;
  if (!report.ok || report.eventsChecked !== logged || baseline.value !== logged) {
    throw new Error(`bench: verify on the bulk-written log: ${JSON.stringify(report)}; read ${baseline.value} of ${logged}`);
  }
  console.log(`  read+parse (readAll, pages of ${PAGE}): ${rate(logged, baseline.seconds)} events/s, CPU ${baseline.cpu}`);
  console.log(`  verify from scratch: ok, ${report.eventsChecked} events, ${report.checkpointsChecked} checkpoints in ${verify.seconds.toFixed(1)} s = ` +
    `${rate(logged, verify.seconds)} events/s (${(verify.seconds / baseline.seconds).toFixed(2)}x the read's time); CPU ${verify.cpu}; ` +
    `Node alone ${rate(logged, verify.nodeSeconds)} events per CPU second`);
  const rssMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`  peak RSS so far ${Math.round(rssMiB)} MiB; load average ${load()}`);
  return {
    contentEvents: c.log.contentEvents, logEvents: logged, treeRate: built / tree.seconds, signingP50: signing.p50,
    inclusion: inclusion.latency, consistency: consistency.latency, verifyRate: logged / verify.seconds, verifyCpuRate: logged / verify.nodeSeconds,
    readRate: logged / baseline.seconds, rssMiB, load: loadavg()[0],
  };
}

/**
 * SIGNINGS checkpoints, each over the tree grown by the previous one's own event (brought into the
 * tree first, untimed): the time of signIfDue alone, its reads, root, signature and append.
 */
async function signings(c: Context): Promise<Latency> {
  const times: number[] = [];
  for (let i = 0; i < SIGNINGS; i += 1) {
    await c.checkpointer.catchUpTree();
    // The last checkpoint's event is readable once its transaction is below every reader's horizon.
    while (!(await c.checkpointer.treeIsCurrent())) await c.checkpointer.catchUpTree();
    const start = performance.now();
    if (!(await c.checkpointer.signIfDue(true))) throw new Error('bench: the checkpointer signed nothing');
    times.push(performance.now() - start);
  }
  await c.checkpointer.catchUpTree();
  return summarise(times);
}

async function readWholeLog(store: PostgresEventStore): Promise<number> {
  let after: LogPosition = LOG_START;
  let read = 0;
  for (;;) {
    const { events, next } = await store.readAll({ after, limit: PAGE });
    read += events.length;
    after = next;
    if (events.length < PAGE) return read;
  }
}

async function timed<T>(db: BenchDatabase, work: () => Promise<T>): Promise<{ value: T; seconds: number; nodeSeconds: number; cpu: string }> {
  const mark = cpuMark(db.postmasterPid);
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  const use = mark.since();
  return { value, seconds, nodeSeconds: use.node, cpu: use.text };
}

const hex = (h: string): Buffer => Buffer.from(h, 'hex');
const rate = (events: number, seconds: number): string => Math.round(events / seconds).toLocaleString('en-US');

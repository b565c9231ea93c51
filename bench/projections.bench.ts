import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../src/shared/clock';
import { loadConfig } from '../src/config/app-config';
import { openBenchDatabase } from './bench-database';
import { printEventTypes, printFindings } from './findings-report';
import { LedgerDataset } from './ledger-dataset';
import { plantRates } from './ledger-plants';
import { writeGroups } from './ledger-writers';
import { cpuMark, sampleMemory, withBar } from './population-report';
import { type LiveResult, measureLive } from './projections-live';
import { rebuildInChild } from './rebuild-process';

const WRITERS = 4;
/** The batch size the runner's rebuild is judged at (and the default this bench recommends); others are tried beside it. */
const DEFAULT_BATCH = 5000;
/** Issue 8 item 6 targets. */
const TARGET_REBUILD_EVENTS_PER_S = 20_000;
const TARGET_RATIO = 0.15;
const TARGET_LAG_SECONDS = 5;
const TARGET_CATCH_UP_SECONDS = 5;
const TARGET_RSS_MIB = 512;
const TARGET_FLATNESS = 1.25;
const MIB = 2 ** 20;

const list = (name: string, fallback: number[]): number[] => {
  const given = (process.env[name] ?? '').split(',').map(Number).filter((n) => n > 0);
  return given.length > 0 ? given : fallback;
};

interface SizeResult {
  events: number;
  baselineRate: number;
  rebuildRate: number;
  live: LiveResult;
  /** Of the rebuild's own process (rebuild-child.ts), at the default batch size. */
  peakRssMiB: number;
  findings: number;
}

/**
 * `npm run bench -- projections`: for each of BENCH_EVENTS (default 10k, 100k and 1M events), on a
 * fresh database: writes a seeded history with planted abuse, reads the whole log back with no
 * projection work (the baseline), then rebuilds the ledger (every read model and all twelve
 * detectors), both at each of BENCH_BATCH_SIZES in one process of their own (rebuild-child.ts: its
 * peak RSS is the engine's, not the dataset generator's, beside the peak of the read alone), compares the open findings with what was planted, then runs the
 * ledger live while writers append at full speed for BENCH_LIVE_SECONDS and measures its lag.
 */
export async function projectionsBenchmark(): Promise<void> {
  const sizes = list('BENCH_EVENTS', [10_000, 100_000, 1_000_000]);
  const batchSizes = [...new Set([...list('BENCH_BATCH_SIZES', [1000, DEFAULT_BATCH]).filter((b) => b !== DEFAULT_BATCH), DEFAULT_BATCH])];
  const liveSeconds = Number(process.env.BENCH_LIVE_SECONDS ?? 15);
  const rates = plantRates();
  console.log(`sizes ${sizes.join(', ')}; rebuild batch sizes ${batchSizes.join(', ')} (default ${DEFAULT_BATCH}); live ${liveSeconds} s; ` +
    `${WRITERS} writers; PROJECTION_MAX_ROWS ${loadConfig().projectionMaxRows}; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} on a shared 2-core machine: figures are noisy`);
  const results: SizeResult[] = [];
  for (const events of sizes) results.push(await runSize(events, batchSizes, liveSeconds, rates));
  printSummary(results);
  console.log(`process peak RSS over the whole run (maxRSS) ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB`);
}

async function runSize(target: number, batchSizes: number[], liveSeconds: number, rates: ReturnType<typeof plantRates>): Promise<SizeResult> {
  console.log(`\n-- ${target.toLocaleString('en-US')} events --`);
  const memory = sampleMemory(100);
  const db = await openBenchDatabase();
  try {
    const pool = db.pool(WRITERS + 4);
    const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
    const dataset = new LedgerDataset(rates);
    const writeStart = performance.now();
    const written = await withBar('write  ', target, 'events', (update) => writeGroups(store, dataset.groups(target), WRITERS, update));
    const writeSeconds = (performance.now() - writeStart) / 1000;
    const truth = { ...dataset.truth };
    console.log(`  written ${written} events in ${writeSeconds.toFixed(1)} s: ${Math.round(written / writeSeconds)} events/s (${WRITERS} writers)`);
    await printEventTypes(pool);

    const dataSource = new DataSource({ type: 'postgres', url: db.url, extra: { max: 4 } });
    await dataSource.initialize();
    try {
      const rebuildRates = new Map<number, { baseline: number; rebuild: number; rssMiB: number }>();
      for (const batchSize of batchSizes) {
        const cpu = cpuMark(db.postmasterPid);
        const rebuild = await withBar(`rebuild ${batchSize}`, written, 'events', (update) =>
          rebuildInChild({ url: db.url, batchSize, maxResidentRows: loadConfig().projectionMaxRows }, update));
        if (rebuild.read !== written || rebuild.applied !== written) throw new Error(`bench: read ${rebuild.read} and rebuilt ${rebuild.applied} of ${written} events`);
        const r = { baseline: written / rebuild.readSeconds, rebuild: written / rebuild.seconds, rssMiB: rebuild.peakRssBytes / MIB };
        rebuildRates.set(batchSize, r);
        const server = cpu.since().server;
        console.log(`  batch ${String(batchSize).padStart(5)}, in one process: read+parse ${Math.round(r.baseline)} ev/s (${rebuild.readSeconds.toFixed(1)} s; ` +
          `peak RSS ${Math.round(rebuild.readPeakRssBytes / MIB)} MiB), then rebuild ${Math.round(r.rebuild)} ev/s (${rebuild.seconds.toFixed(1)} s; ` +
          `CPU Node ${rebuild.nodeCpuSeconds.toFixed(1)} s, PostgreSQL for both ${Number.isNaN(server) ? '-' : server.toFixed(1)} s; peak RSS ${Math.round(r.rssMiB)} MiB); ` +
          `ratio ${(r.rebuild / r.baseline).toFixed(3)}`);
      }
      console.log('  open findings after the rebuild, against the planted truth:');
      const findings = await printFindings(pool, truth);
      const live = await measureLive(store, dataSource, pool, dataset, WRITERS, liveSeconds);
      console.log(`  live: ${live.written} events written in ${live.writeSeconds.toFixed(1)} s (${Math.round(live.writeRate)} ev/s); first batch after ` +
        `${live.firstBatchSeconds.toFixed(1)} s (reads the read models first, only the small ones past PROJECTION_MAX_ROWS); max lag ${live.maxLagEvents} events = ${live.maxLagSeconds.toFixed(2)} s of writes; ` +
        `caught up ${live.catchUpSeconds.toFixed(2)} s after the writers stopped`);
      const chosen = rebuildRates.get(DEFAULT_BATCH) ?? { baseline: Number.NaN, rebuild: Number.NaN, rssMiB: Number.NaN };
      const benchRssMiB = memory.stop().rss / MIB;
      console.log(`  peak RSS of this process (dataset, writers, baseline reads, live projection): ${Math.round(benchRssMiB)} MiB`);
      return { events: written, baselineRate: chosen.baseline, rebuildRate: chosen.rebuild, live, peakRssMiB: chosen.rssMiB, findings };
    } finally {
      await dataSource.destroy();
    }
  } finally {
    memory.stop();
    await db.close();
  }
}

const verdict = (ok: boolean): string => (ok ? 'pass' : 'FAIL');

function printSummary(results: SizeResult[]): void {
  const header = ['events', 'baseline ev/s', 'rebuild ev/s', 'ratio', 'µs/event', 'live max lag', 'catch-up', 'rebuild RSS', 'findings'];
  const rows = results.map((r) => [
    r.events.toLocaleString('en-US'),
    Math.round(r.baselineRate).toLocaleString('en-US'),
    `${Math.round(r.rebuildRate).toLocaleString('en-US')} ${verdict(r.rebuildRate >= TARGET_REBUILD_EVENTS_PER_S)}`,
    `${(r.rebuildRate / r.baselineRate).toFixed(3)} ${verdict(r.rebuildRate / r.baselineRate >= TARGET_RATIO)}`,
    (1e6 / r.rebuildRate).toFixed(1),
    `${r.live.maxLagEvents} ev = ${r.live.maxLagSeconds.toFixed(2)} s ${verdict(r.live.maxLagSeconds < TARGET_LAG_SECONDS)}`,
    `${r.live.catchUpSeconds.toFixed(2)} s ${verdict(r.live.catchUpSeconds <= TARGET_CATCH_UP_SECONDS)}`,
    `${Math.round(r.peakRssMiB)} MiB${r.events >= 1_000_000 ? ` ${verdict(r.peakRssMiB < TARGET_RSS_MIB)}` : ''}`,
    String(r.findings),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  console.log(`\nsummary (rebuild at batch size ${DEFAULT_BATCH}; targets: rebuild >= ${TARGET_REBUILD_EVENTS_PER_S.toLocaleString('en-US')} ev/s and >= ${TARGET_RATIO}x baseline, ` +
    `live lag < ${TARGET_LAG_SECONDS} s of writes, catch-up <= ${TARGET_CATCH_UP_SECONDS} s, peak RSS of the rebuild < ${TARGET_RSS_MIB} MiB at 1M)`);
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
  if (results.length > 1) {
    // Judged size to size, not first to last: the smallest rebuild is mostly a cold JIT in a fresh
    // process, and set against it a growth from 100k to 1M would hide as a fall.
    const steps = results.slice(1).map((r, i) => ({ from: results[i].events, to: r.events, growth: results[i].rebuildRate / r.rebuildRate }));
    const worst = Math.max(...steps.map((step) => step.growth));
    const shown = steps.map((step) => `${step.from.toLocaleString('en-US')} to ${step.to.toLocaleString('en-US')} x${step.growth.toFixed(2)}`).join(', ');
    console.log(`µs/event, size to size: ${shown}; worst growth x${worst.toFixed(2)} ` +
      `(target flat within ${Math.round((TARGET_FLATNESS - 1) * 100)}%) ${verdict(worst <= TARGET_FLATNESS)}`);
  }
}

import type { Latency } from './latency';

export interface CheckpointsResult {
  contentEvents: number;
  logEvents: number;
  treeRate: number;
  signingP50: number;
  inclusion: Latency;
  consistency: Latency;
  verifyRate: number;
  /** Events verified per second of Node CPU: what the rate would be with a core to itself. */
  verifyCpuRate: number;
  readRate: number;
  rssMiB: number;
  load: number;
}

/** Issue #10's targets, judged at 1M events. */
const TARGET_INCLUSION_P99_MS = 10;
const TARGET_VERIFY_EVENTS_PER_S = 50_000;
const AT = 1_000_000;

export function printCheckpointsSummary(results: CheckpointsResult[]): void {
  const n = (v: number): string => Math.round(v).toLocaleString('en-US');
  const judged = (r: CheckpointsResult, ok: boolean): string => (r.contentEvents >= AT ? (ok ? ' pass' : ' FAIL') : '');
  const header = ['events (log)', 'tree leaves/s', 'sign p50', 'inclusion p50/p99', 'consistency p50/p99', 'read+parse ev/s', 'verify ev/s',
    'verify/read', 'verify ev/CPU-s', 'peak RSS', 'load'];
  const rows = results.map((r) => [
    `${n(r.contentEvents)} (${n(r.logEvents)})`,
    n(r.treeRate),
    `${r.signingP50.toFixed(1)} ms`,
    `${r.inclusion.p50.toFixed(2)}/${r.inclusion.p99.toFixed(2)} ms${judged(r, r.inclusion.p99 < TARGET_INCLUSION_P99_MS)}`,
    `${r.consistency.p50.toFixed(2)}/${r.consistency.p99.toFixed(2)} ms`,
    n(r.readRate),
    `${n(r.verifyRate)}${judged(r, r.verifyRate >= TARGET_VERIFY_EVENTS_PER_S)}`,
    (r.verifyRate / r.readRate).toFixed(2),
    n(r.verifyCpuRate),
    `${Math.round(r.rssMiB)} MiB`,
    r.load.toFixed(2),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  console.log(`\nsummary (targets at ${n(AT)} events: inclusion proof p99 < ${TARGET_INCLUSION_P99_MS} ms, verification from scratch >= ${n(TARGET_VERIFY_EVENTS_PER_S)} events/s; ` +
    'read+parse is the baseline measured in the same run)');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  rows.forEach((r) => console.log(line(r)));
}

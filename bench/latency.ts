import { performance } from 'node:perf_hooks';

export interface Latency {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

/** Runs `call` once per input, one at a time (a lone client's latency, not a throughput), in milliseconds. */
export async function latencies<I, R>(inputs: readonly I[], call: (input: I) => Promise<R>): Promise<{ latency: Latency; results: R[] }> {
  const times: number[] = [];
  const results: R[] = [];
  for (const input of inputs) {
    const start = performance.now();
    results.push(await call(input));
    times.push(performance.now() - start);
  }
  return { latency: summarise(times), results };
}

/** Nearest-rank percentiles of milliseconds. */
export function summarise(times: number[]): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? Number.NaN };
}

export const ms = (value: number): string => `${value.toFixed(2)} ms`;

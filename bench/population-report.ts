import { SingleBar } from 'cli-progress';
import { hostCpuSeconds, serverCpuSeconds } from './cpu';

/** How the population benchmark measures and prints: CPU, memory, progress and the summary table. */
export interface CpuUse {
  node: number;
  server: number;
  host: number;
  text: string;
}
export interface CpuMark {
  since(): CpuUse;
}

/** CPU seconds of Node, of the local PostgreSQL (NaN when remote) and of the whole machine since now. */
export function cpuMark(postmasterPid: number | undefined): CpuMark {
  const server = (): number => (postmasterPid === undefined ? Number.NaN : serverCpuSeconds(postmasterPid));
  const node0 = process.cpuUsage();
  const server0 = server();
  const host0 = hostCpuSeconds();
  return {
    since() {
      const n = process.cpuUsage(node0);
      const node = (n.user + n.system) / 1e6;
      const use = { node, server: server() - server0, host: hostCpuSeconds() - host0 };
      const fmt = (v: number): string => (Number.isNaN(v) ? '-' : v.toFixed(1));
      return { ...use, text: `Node ${fmt(use.node)} s, PostgreSQL ${fmt(use.server)} s, machine ${fmt(use.host)} s` };
    },
  };
}

/** Peak RSS and heap, sampled on a timer (the event loop must breathe for a sample to be taken). */
export function sampleMemory(everyMs: number): { stop(): { rss: number; heapUsed: number } } {
  const peak = { rss: 0, heapUsed: 0 };
  const take = (): void => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heapUsed = Math.max(peak.heapUsed, m.heapUsed);
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { ...peak };
    },
  };
}

export async function withBar<T>(label: string, total: number, unit: string, work: (update: (value: number) => void) => Promise<T>): Promise<T> {
  const bar = new SingleBar({ format: `${label} {bar} {value}/{total} ${unit}  {eta_formatted} left`, etaBuffer: 50 });
  bar.start(total, 0);
  try {
    return await work((value) => bar.update(value));
  } finally {
    bar.stop();
  }
}

export function summary(rows: string[][]): void {
  const header = ['step', 'result', 'target', 'verdict'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
  console.log();
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
}

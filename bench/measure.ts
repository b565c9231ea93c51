import { performance } from 'node:perf_hooks';
import { hostCpuSeconds, serverCpuSeconds } from './cpu';

/** One append by one writer; resolves to the number of events it wrote. */
export type AppendOnce = (writer: number) => Promise<number>;

export interface Round {
  events: number;
  seconds: number;
  /** CPU this Node process used, in cores (1.0 = one core busy for the whole round). */
  nodeCores: number;
  /** CPU the local PostgreSQL used, in cores; NaN when it runs elsewhere. */
  serverCores: number;
  /** CPU the whole machine used, in cores (Node plus PostgreSQL plus anything else); NaN off Linux. */
  hostCores: number;
}

/**
 * Runs `writers` concurrent loops until the deadline. A writer's append in flight at the
 * deadline still finishes and counts; the clock stops when the last one does, so the rate stays honest.
 */
export async function runFor(writers: number, milliseconds: number, appendOnce: AppendOnce, postmasterPid?: number): Promise<Round> {
  const server = (): number => (postmasterPid === undefined ? Number.NaN : serverCpuSeconds(postmasterPid));
  const cpuBefore = process.cpuUsage();
  const serverBefore = server();
  const hostBefore = hostCpuSeconds();
  const start = performance.now();
  const deadline = start + milliseconds;
  let events = 0;
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      while (performance.now() < deadline) {
        // Not `events += await …`: that reads `events` before the await and loses the other writers' counts.
        const written = await appendOnce(writer);
        events += written;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  return {
    events,
    seconds,
    nodeCores: (cpu.user + cpu.system) / 1e6 / seconds,
    serverCores: (server() - serverBefore) / seconds,
    hostCores: (hostCpuSeconds() - hostBefore) / seconds,
  };
}

export function sum(rounds: Round[]): Round {
  const events = rounds.reduce((n, r) => n + r.events, 0);
  const seconds = rounds.reduce((n, r) => n + r.seconds, 0);
  const weighted = (pick: (r: Round) => number): number => rounds.reduce((n, r) => n + pick(r) * r.seconds, 0) / seconds;
  return {
    events,
    seconds,
    nodeCores: weighted((r) => r.nodeCores),
    serverCores: weighted((r) => r.serverCores),
    hostCores: weighted((r) => r.hostCores),
  };
}

import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Whether `work` settles (either way) within `ms`. The work goes on if it does not: callers use
 * this to bound how long a shutdown step may hold up the next one.
 */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  const timer = new AbortController();
  const settled = await Promise.race([work.then(() => true, () => true), sleep(ms, false, { signal: timer.signal }).catch(() => false)]);
  // An abandoned timer would keep the process alive for the rest of `ms`.
  timer.abort();
  return settled;
}

import { performance } from 'node:perf_hooks';
import { EventStore, LogPosition, Subscription, SubscribeOptions } from './event-store.port';

const IDLE_POLL_MS = 500;
/**
 * Under a steady stream of writes, reads at most this often: each commit wakes the reader, and a
 * read per commit gave the projections batches of 3–4 events whose fixed cost (a transaction, a
 * checkpoint, the read itself) took more CPU than the events (npm run bench -- http). After an idle
 * spell the first wake is read at once, so a lone write is not delayed.
 */
export const MIN_READ_GAP_MS = 50;

/**
 * Tails the log with `readAllForProjections`, one batch at a time, handing each batch to the handler before
 * reading on. `listen` (optional) wakes it early when the backend announces a commit; the
 * idle poll still runs, because events held back behind a long transaction announce nothing.
 */
export function pollingSubscription(
  store: Pick<EventStore, 'readAllForProjections'>,
  { after, batchSize = 500, onBatch, onError, readGapMs = MIN_READ_GAP_MS }: SubscribeOptions,
  listen?: (wake: () => void) => Promise<() => Promise<void>>,
): Subscription {
  let stopped = false;
  /** A commit was announced since the last read began: the next read must not wait for the idle poll. */
  let announced = false;
  /** A reader waits for the log's head: the next read takes no gap. */
  let hurried = false;
  let idle = false;
  /** Ends the wait in progress early: stop() always, an announcement only the idle wait. */
  let endWait: () => void = () => undefined;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      // stop() came while the last batch was handled: no wait.
      if (stopped) {
        resolve();
        return;
      }
      const timer = setTimeout(() => {
        endWait();
      }, ms);
      endWait = () => {
        clearTimeout(timer);
        endWait = () => undefined;
        resolve();
      };
    });
  const onAnnounce = () => {
    announced = true;
    if (idle) endWait();
  };
  let lastRead = 0;
  const sleep = async (): Promise<void> => {
    if (!announced) {
      idle = true;
      await wait(IDLE_POLL_MS);
      idle = false;
    }
    // The idle poll ran out: nothing was announced, read at once.
    if (!announced || stopped || hurried) return;
    const gap = lastRead + readGapMs - performance.now();
    if (gap > 0) await wait(gap);
  };

  const run = async (): Promise<void> => {
    const unlisten = listen ? await listen(onAnnounce) : () => Promise.resolve();
    let position: LogPosition = after;
    try {
      while (!stopped) {
        lastRead = performance.now();
        announced = false;
        hurried = false;
        const { events, next } = await store.readAllForProjections({ after: position, limit: batchSize });
        if (events.length > 0) {
          await onBatch(events, next);
          position = next;
        }
        if (events.length < batchSize) await sleep();
      }
    } finally {
      await unlisten();
    }
  };

  const running = run().catch((error: unknown) => {
    stopped = true;
    onError(error);
  });

  return {
    async stop() {
      stopped = true;
      endWait();
      await running;
    },
    hurry() {
      hurried = true;
      announced = true;
      endWait();
    },
  };
}

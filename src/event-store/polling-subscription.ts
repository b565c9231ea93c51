import { EventStore, LogPosition, Subscription, SubscribeOptions } from './event-store.port';

const IDLE_POLL_MS = 500;

/**
 * Tails the log with `readAll`, one batch at a time, handing each batch to the handler before
 * reading on. `listen` (optional) wakes it early when the backend announces a commit; the
 * idle poll still runs, because events held back behind a long transaction announce nothing.
 */
export function pollingSubscription(
  store: Pick<EventStore, 'readAll'>,
  { after, batchSize = 500, onBatch, onError }: SubscribeOptions,
  listen?: (wake: () => void) => Promise<() => Promise<void>>,
): Subscription {
  let stopped = false;
  let wake: () => void = () => undefined;
  const sleep = () =>
    new Promise<void>((resolve) => {
      // stop() came while the last batch was handled: no wait.
      if (stopped) {
        resolve();
        return;
      }
      const timer = setTimeout(resolve, IDLE_POLL_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async (): Promise<void> => {
    const unlisten = listen ? await listen(() => wake()) : () => Promise.resolve();
    let position: LogPosition = after;
    try {
      while (!stopped) {
        const { events, next } = await store.readAll({ after: position, limit: batchSize });
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
      wake();
      await running;
    },
  };
}

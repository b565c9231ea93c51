import type { EventStore, LogPosition, ReadAllTextResult, StoredEventText } from '../../event-store/event-store.port';
import { LEAF_BYTES, type PageHash, pageTexts } from './page-hash';
import { inThreadHasher, pageHasher, type PageHasher } from './page-hasher';

/** Pages read and hashed ahead of the one being checked: one per hashing thread and one more. */
const AHEAD = 3;
/**
 * Events hashed here before threads start: a fresh thread runs its first few thousand events
 * unoptimised (bench, 10k events: 2.0 s with threads from the second page), so only a long read pays them back.
 */
const EVENTS_BEFORE_THREADS = 20_000;

export interface HashedPage {
  events: StoredEventText[];
  hash: PageHash;
}

/** The leaf hash of the page's i-th event, without a copy. */
export function leafOf(page: HashedPage, i: number): Buffer {
  return Buffer.from(page.hash.leaves.buffer, i * LEAF_BYTES, LEAF_BYTES);
}

/**
 * The log after `after`, page by page in read order, each with its events' content checks and
 * leaf hashes. While the caller follows the chains of one page, PostgreSQL reads the next ones and
 * worker threads hash them. The first pages are hashed here: a short (incremental) verification
 * never starts a thread.
 */
export async function* hashedPages(store: Pick<EventStore, 'readAllText'>, after: LogPosition, limit: number): AsyncGenerator<HashedPage> {
  const read = (from: LogPosition): Promise<ReadAllTextResult> => {
    const page = store.readAllText({ after: from, limit });
    // A caller that stops at a break leaves the pages ahead unawaited: their failures must not go unhandled.
    page.catch(() => undefined);
    return page;
  };
  let hasher: PageHasher = inThreadHasher;
  let hashedHere = 0;
  const ahead: { events: StoredEventText[]; hash: Promise<PageHash> }[] = [];
  let reading: Promise<ReadAllTextResult> | undefined = read(after);
  try {
    for (;;) {
      while (reading && ahead.length < AHEAD) {
        const page: ReadAllTextResult = await reading;
        const full: boolean = page.events.length === limit;
        reading = full ? read(page.next) : undefined;
        const hash = hasher.hash(pageTexts(page.events));
        hash.catch(() => undefined);
        ahead.push({ events: page.events, hash });
        if (hasher === inThreadHasher) {
          hashedHere += page.events.length;
          if (full && hashedHere >= EVENTS_BEFORE_THREADS) hasher = pageHasher();
        }
      }
      const next = ahead.shift();
      if (!next) return;
      yield { events: next.events, hash: await next.hash };
    }
  } finally {
    await hasher.close();
  }
}

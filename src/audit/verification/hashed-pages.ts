import type { EventStore, LogPosition, ReadAllTextResult, StoredEventText } from '../../event-store/event-store.port';
import { LEAF_BYTES, type PageHash, pageTexts } from './page-hash';
import { inThreadHasher, pageHasher, type PageHasher } from './page-hasher';

/** Pages read and hashed ahead of the one being checked: one per hashing thread and one more. */
const AHEAD = 3;

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
 * worker threads hash them. The first page is hashed here: a short (incremental) verification
 * never starts a thread; a full page means a long read, worth them.
 */
export async function* hashedPages(store: Pick<EventStore, 'readAllText'>, after: LogPosition, limit: number): AsyncGenerator<HashedPage> {
  const read = (from: LogPosition): Promise<ReadAllTextResult> => {
    const page = store.readAllText({ after: from, limit });
    // A caller that stops at a break leaves the pages ahead unawaited: their failures must not go unhandled.
    page.catch(() => undefined);
    return page;
  };
  let hasher: PageHasher = inThreadHasher;
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
        if (full && hasher === inThreadHasher) hasher = pageHasher();
      }
      const next = ahead.shift();
      if (!next) return;
      yield { events: next.events, hash: await next.hash };
    }
  } finally {
    await hasher.close();
  }
}

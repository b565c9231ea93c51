import type { EventStore, LogPosition, ReadAllTextResult, StoredEventText } from '../../event-store/event-store.port';
import type { MerkleFrontier } from '../merkle/merkle-frontier';
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
function leafOf(page: HashedPage, i: number): Buffer {
  return Buffer.from(page.hash.leaves.buffer, i * LEAF_BYTES, LEAF_BYTES);
}

/** The page tree's node over its leaves i·2^level … (i+1)·2^level − 1 (page-hash.ts lays the levels out from 1). */
function nodeOf(page: HashedPage, level: number, i: number): Buffer {
  const n = page.events.length;
  return Buffer.from(page.hash.nodes.buffer, (n - (n >> (level - 1)) + i) * LEAF_BYTES, LEAF_BYTES);
}

/**
 * Adds the leaves of the page's events `from` … `to` − 1 to the frontier. When the page starts at a
 * multiple of its own (power of two) length, every aligned block among them is a node of the page's
 * tree, added at once: on the reading thread, which was the verification's bottleneck, this spares
 * about one hash per event (profile of verifying 300k events: the frontier's hashes were ~10% of it).
 */
export function addToFrontier(frontier: MerkleFrontier, page: HashedPage, from: number, to: number): void {
  const n = page.events.length;
  const blocks = page.hash.nodes.length > 0 && (frontier.size - from) % n === 0;
  for (let i = from; i < to; ) {
    let level = 0;
    while (blocks && 2 ** (level + 1) <= n && i % 2 ** (level + 1) === 0 && i + 2 ** (level + 1) <= to) level += 1;
    frontier.addSubtree(level, level === 0 ? leafOf(page, i) : nodeOf(page, level, i >> level));
    i += 2 ** level;
  }
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

import type { StoredEventText } from '../../event-store/event-store.port';
import { hashOfText } from '../../event-store/hash-chain';
import { eventLeafHash } from '../merkle/merkle-hash';

/** What a page hasher needs of each event: plain strings and numbers, cheap to hand to a worker thread. */
export interface PageTexts {
  streams: string[];
  types: string[];
  dataTexts: string[];
  metadataTexts: string[];
  revisions: number[];
  prevHashes: string[];
  hashes: string[];
}

/** Per event: 1 when its content hashes to its stored hash; and its Merkle leaf hash, 32 bytes each. */
export interface PageHash {
  matches: Uint8Array<ArrayBuffer>;
  leaves: Uint8Array<ArrayBuffer>;
}

export const LEAF_BYTES = 32;

export function pageTexts(events: readonly StoredEventText[]): PageTexts {
  return {
    streams: events.map((e) => e.stream),
    types: events.map((e) => e.type),
    dataTexts: events.map((e) => e.dataText),
    metadataTexts: events.map((e) => e.metadataText),
    revisions: events.map((e) => e.revision),
    prevHashes: events.map((e) => e.prevHash),
    hashes: events.map((e) => e.hash),
  };
}

/** The per-event work of a verification that does not depend on the events before it: a page's worth, anywhere. */
export function hashPage(page: PageTexts): PageHash {
  const n = page.hashes.length;
  const matches = new Uint8Array(n);
  const leaves = new Uint8Array(n * LEAF_BYTES);
  for (let i = 0; i < n; i += 1) {
    const hash = page.hashes[i];
    const computed = hashOfText({
      stream: page.streams[i], type: page.types[i], dataText: page.dataTexts[i], metadataText: page.metadataTexts[i],
      revision: page.revisions[i], prevHash: page.prevHashes[i],
    });
    matches[i] = computed === hash ? 1 : 0;
    leaves.set(eventLeafHash(hash), i * LEAF_BYTES);
  }
  return { matches, leaves };
}

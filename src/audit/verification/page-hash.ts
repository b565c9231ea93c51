import type { StoredEventText } from '../../event-store/event-store.port';
import { hashOfText } from '../../event-store/hash-chain';
import { childrenDigest, eventLeafDigest } from '../merkle/merkle-hash';

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

/**
 * Per event: 1 when its content hashes to its stored hash; and its Merkle leaf hash, 32 bytes each.
 * When the page holds a power of two of events, also the inner nodes of the perfect tree over its
 * leaves, level 1 first (page-nodes.ts reads them): the reading thread then adds whole blocks to
 * its Merkle frontier instead of hashing its way up from every leaf.
 */
export interface PageHash {
  matches: Uint8Array<ArrayBuffer>;
  leaves: Uint8Array<ArrayBuffer>;
  nodes: Uint8Array<ArrayBuffer>;
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
  // Digests are written into the page's own buffers: a Buffer per hash was a copy and its garbage.
  const leafBytes = Buffer.from(leaves.buffer);
  for (let i = 0; i < n; i += 1) {
    const hash = page.hashes[i];
    const computed = hashOfText({
      stream: page.streams[i], type: page.types[i], dataText: page.dataTexts[i], metadataText: page.metadataTexts[i],
      revision: page.revisions[i], prevHash: page.prevHashes[i],
    });
    matches[i] = computed === hash ? 1 : 0;
    leafBytes.write(eventLeafDigest(hash), i * LEAF_BYTES, LEAF_BYTES, 'latin1');
  }
  return { matches, leaves, nodes: innerNodes(leaves, n) };
}

const isPowerOfTwo = (n: number): boolean => n >= 2 && (n & (n - 1)) === 0;

/** The perfect tree's inner nodes over `n` leaves, level by level from 1; none unless n is a power of two. */
function innerNodes(leaves: Uint8Array<ArrayBuffer>, n: number): Uint8Array<ArrayBuffer> {
  if (!isPowerOfTwo(n)) return new Uint8Array(0);
  const nodes = new Uint8Array((n - 1) * LEAF_BYTES);
  let below = Buffer.from(leaves.buffer, leaves.byteOffset, n * LEAF_BYTES);
  let at = 0;
  for (let width = n / 2; width >= 1; width /= 2) {
    const level = Buffer.from(nodes.buffer, at, width * LEAF_BYTES);
    for (let j = 0; j < width; j += 1) {
      const left = below.subarray(2 * j * LEAF_BYTES, (2 * j + 1) * LEAF_BYTES);
      const right = below.subarray((2 * j + 1) * LEAF_BYTES, (2 * j + 2) * LEAF_BYTES);
      level.write(childrenDigest(left, right), j * LEAF_BYTES, LEAF_BYTES, 'latin1');
    }
    below = level;
    at += width * LEAF_BYTES;
  }
  return nodes;
}

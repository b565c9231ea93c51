import { hashChildren } from './merkle-hash';
import type { NodeId } from './tree-ranges';

/**
 * Which levels of the tree `merkle_nodes` holds: every level from STORED_FROM_LEVEL up, one row
 * per 16 leaves. The leaves are the events' own hashes (merkle-batches.ts) and levels 1–3 are
 * recomputed from at most 8 of them when a root or proof needs one, in the same single query:
 * a row per leaf was half the checkpointer's cost to the appends beside it (bench: npm run bench
 * -- event-store, appends with the checkpointer running).
 */
export const STORED_FROM_LEVEL = 4;

export function isStored(level: number): boolean {
  return level >= STORED_FROM_LEVEL;
}

/** The leaves [start, end) a node covers. */
export function leavesOf({ level, index }: NodeId): { start: number; end: number } {
  return { start: index * 2 ** level, end: (index + 1) * 2 ** level };
}

/** The hash of the perfect subtree over these leaf hashes (their count a power of two), bottom-up. */
export function perfectSubtreeHash(leafHashes: Buffer[]): Buffer {
  let level = leafHashes;
  while (level.length > 1) {
    const above: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) above.push(hashChildren(level[i], level[i + 1]));
    level = above;
  }
  return level[0];
}

import { hashChildren } from './merkle-hash';
import type { NodeId } from './tree-ranges';

/**
 * Which levels of the tree `merkle_nodes` holds: the leaves (level 0) and every level from
 * STORED_FROM_LEVEL up. A leaf brings its own row and, on average, one more above it, 7/8 of
 * those at levels 1–3: without them the tree writes 1.125 node rows per leaf instead of 2. They
 * are recomputed from at most 8 leaf hashes when a root or proof needs one, in the same single
 * query (bench: npm run bench -- checkpoints, tree leaves/s and CPU).
 */
export const STORED_FROM_LEVEL = 4;

export function isStored(level: number): boolean {
  return level === 0 || level >= STORED_FROM_LEVEL;
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

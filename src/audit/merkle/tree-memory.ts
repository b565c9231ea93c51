import type { EntityManager } from 'typeorm';
import { LOG_START, type LogPosition } from '../../event-store/event-store.port';
import { leafHashes } from './merkle-batches';
import { type Digest, hashChildren } from './merkle-hash';
import { STORED_FROM_LEVEL } from './stored-levels';

/** What the tree projection keeps between batches, and takes back from its tables when it has none. */
export interface TreeMemory {
  size: number;
  lastContentLeaf: number;
  /** The last leaf's event, and the `merkle_batches` row it is in: its first leaf and where its range starts. */
  last: LogPosition;
  rowFirst: number;
  rowAfter: LogPosition;
  /**
   * The last node of each level, by level: the left sibling a new odd-indexed node pairs with. Two
   * arrays, not a map of objects: the tree sets two a leaf, and their garbage was a cost of its own.
   */
  lastIndex: number[];
  lastHash: Digest[];
}

/** The memory as the tables hold it: the stored levels' last nodes, the others' from the last leaves. */
export async function loadTreeMemory(tx: EntityManager): Promise<TreeMemory> {
  return withUnstoredLastNodes(tx, await load(tx));
}

async function load(tx: EntityManager): Promise<TreeMemory> {
  const states = await tx.query<BatchRowText[]>(
    `SELECT s.size, s.last_content_leaf, b.first_leaf, b.leaves, b.after_tx::text AS after_tx, b.after_position, b.last_tx::text AS last_tx, b.last_position
     FROM merkle_tree_state s LEFT JOIN LATERAL (SELECT * FROM merkle_batches ORDER BY first_leaf DESC LIMIT 1) b ON true WHERE s.id = 1`,
  );
  const state = states.at(0);
  const last = await tx.query<{ level: number; idx: string; hash: Buffer }[]>(
    `SELECT l.level, x.idx, x.hash FROM generate_series($1::int, 62) AS l(level)
     CROSS JOIN LATERAL (SELECT idx, hash FROM merkle_nodes WHERE level = l.level ORDER BY idx DESC LIMIT 1) x`,
    [STORED_FROM_LEVEL],
  );
  const tree: TreeMemory = { size: 0, lastContentLeaf: -1, last: LOG_START, rowFirst: 0, rowAfter: LOG_START, lastIndex: [], lastHash: [] };
  for (const { level, idx, hash } of last) {
    tree.lastIndex[level] = Number(idx);
    tree.lastHash[level] = hash.toString('latin1');
  }
  if (!state || Number(state.size) === 0) return tree;
  if (state.first_leaf === null || Number(state.first_leaf) + state.leaves !== Number(state.size)) {
    throw new Error(`merkle tree: merkle_batches does not end at the tree's size ${state.size}`);
  }
  return {
    ...tree,
    size: Number(state.size),
    lastContentLeaf: Number(state.last_content_leaf),
    last: { commit: BigInt(state.last_tx), prepare: BigInt(state.last_position) },
    rowFirst: Number(state.first_leaf),
    rowAfter: { commit: BigInt(state.after_tx), prepare: BigInt(state.after_position) },
  };
}

interface BatchRowText {
  size: string;
  last_content_leaf: string;
  first_leaf: string | null;
  leaves: number;
  after_tx: string;
  after_position: string;
  last_tx: string;
  last_position: string;
}

/**
 * The last node of each level the table does not keep, from the leaves: all of them lie in the
 * last two blocks of 2^(STORED_FROM_LEVEL-1) leaves below the tree's size (at most 15 leaves).
 */
async function withUnstoredLastNodes(tx: EntityManager, tree: TreeMemory): Promise<TreeMemory> {
  const { size, lastIndex: lastIndexAt, lastHash } = tree;
  if (size === 0) return tree;
  const top = 2 ** (STORED_FROM_LEVEL - 1);
  const from = Math.max(0, Math.floor(size / top) * top - top);
  let nodes = await leafHashes(tx, [{ start: from, end: size }]);
  const lastLeaf = nodes.get(size - 1);
  if (!lastLeaf) throw new Error(`merkle tree: the events of leaves ${from}…${size - 1} are missing`);
  lastIndexAt[0] = size - 1;
  lastHash[0] = lastLeaf.toString('latin1');
  for (let level = 1; level < STORED_FROM_LEVEL; level += 1) {
    const above = new Map<number, Buffer>();
    for (const [index, hash] of nodes) {
      const right = nodes.get(index + 1);
      if (index % 2 === 0 && right) above.set(index / 2, hashChildren(hash, right));
    }
    const lastIndex = Math.floor(size / 2 ** level) - 1;
    const hash = above.get(lastIndex);
    if (lastIndex >= 0) {
      if (!hash) throw new Error(`merkle tree: the leaves under node ${level}:${lastIndex} are missing`);
      lastIndexAt[level] = lastIndex;
      lastHash[level] = hash.toString('latin1');
    }
    nodes = above;
  }
  return tree;
}

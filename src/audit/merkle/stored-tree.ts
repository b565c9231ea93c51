import { LEAF_INDEX_OF_E, leavesOfRanges, rangeParameters } from './merkle-batches';
import { EMPTY_ROOT, eventLeafHash, hashChildren } from './merkle-hash';
import type { Sql } from './sql';
import { isStored, leavesOf, perfectSubtreeHash } from './stored-levels';
import { consistencyRanges, inclusionRanges, type LeafRange, type NodeId, nodeKey, rangeNodes } from './tree-ranges';

export async function treeSize(db: Sql): Promise<{ size: number; lastContentLeaf: number }> {
  const rows = (await db.query('SELECT size, last_content_leaf FROM merkle_tree_state WHERE id = 1')) as { size: string; last_content_leaf: string }[];
  return rows[0] ? { size: Number(rows[0].size), lastContentLeaf: Number(rows[0].last_content_leaf) } : { size: 0, lastContentLeaf: -1 };
}

export async function leafIndexOf(db: Sql, eventId: string): Promise<number | undefined> {
  const rows = (await db.query(`SELECT ${LEAF_INDEX_OF_E} AS leaf_index FROM events e WHERE e.event_id = $1`, [eventId])) as { leaf_index: string | null }[];
  return rows[0]?.leaf_index == null ? undefined : Number(rows[0].leaf_index);
}

/** The tree's size and the event's leaf index (undefined: not a leaf yet) in one round trip: an inclusion proof's first read. */
export async function sizeAndLeafIndex(db: Sql, eventId: string): Promise<{ size: number; leafIndex: number | undefined }> {
  const [row] = (await db.query(
    `SELECT (SELECT size FROM merkle_tree_state WHERE id = 1) AS size,
            (SELECT ${LEAF_INDEX_OF_E} FROM events e WHERE e.event_id = $1) AS leaf_index`,
    [eventId],
  )) as { size: string | null; leaf_index: string | null }[];
  return { size: row.size === null ? 0 : Number(row.size), leafIndex: row.leaf_index === null ? undefined : Number(row.leaf_index) };
}

/**
 * The nodes, in one query (a proof needs O(log n) of them, at most O(log² n) on the right edge):
 * the stored ones as they are, those of the levels not stored (stored-levels.ts, at most 8 leaves
 * each) from their leaves, the events' own hashes (merkle-batches.ts). A node whose leaves or row
 * are not all there is left out of the map.
 */
export async function fetchNodes(db: Sql, ids: NodeId[]): Promise<Map<string, Buffer>> {
  const derived = ids.filter((id) => !isStored(id.level));
  const stored = ids.filter((id) => isStored(id.level));
  const rows = (await db.query(
    `SELECT n.level, n.idx, n.hash, NULL AS event_hash FROM unnest($1::smallint[], $2::bigint[]) AS want(level, idx)
     JOIN merkle_nodes n ON n.level = want.level AND n.idx = want.idx
     UNION ALL
     SELECT 0, l.leaf, NULL, l.hash FROM (${leavesOfRanges('$3', '$4')}) l`,
    [stored.map((n) => n.level), stored.map((n) => String(n.index)), ...rangeParameters(derived.map(leavesOf))],
  )) as { level: number; idx: string; hash: Buffer | null; event_hash: string | null }[];
  const nodes = new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash ?? eventLeafHash(r.event_hash ?? '')]));
  for (const id of derived) {
    const { start, end } = leavesOf(id);
    const leaves: Buffer[] = [];
    for (let leaf = start; leaf < end; leaf += 1) {
      const hash = nodes.get(`0:${leaf}`);
      if (hash) leaves.push(hash);
    }
    if (leaves.length === end - start) nodes.set(nodeKey(id), perfectSubtreeHash(leaves));
  }
  return nodes;
}

/** MTH of each range, from the stored perfect subtrees. */
export async function rangeHashes(db: Sql, ranges: LeafRange[]): Promise<Buffer[]> {
  const plans = ranges.map(rangeNodes);
  const nodes = await fetchNodes(db, plans.flat());
  return plans.map((plan) => {
    const hashes = plan.map((id) => {
      const hash = nodes.get(nodeKey(id));
      if (!hash) throw new Error(`merkle node ${nodeKey(id)} is missing: the tree is behind the requested size`);
      return hash;
    });
    let hash = hashes[hashes.length - 1];
    for (let i = hashes.length - 2; i >= 0; i -= 1) hash = hashChildren(hashes[i], hash);
    return hash;
  });
}

export async function rootAt(db: Sql, size: number): Promise<Buffer> {
  if (size === 0) return EMPTY_ROOT;
  return (await rangeHashes(db, [{ start: 0, end: size }]))[0];
}

export async function inclusionPath(db: Sql, leafIndex: number, size: number): Promise<{ leafHash: Buffer; path: Buffer[] }> {
  const [leafHash, ...path] = await rangeHashes(db, [{ start: leafIndex, end: leafIndex + 1 }, ...inclusionRanges(leafIndex, 0, size)]);
  return { leafHash, path };
}

export function consistencyPath(db: Sql, from: number, to: number): Promise<Buffer[]> {
  return rangeHashes(db, consistencyRanges(from, to));
}

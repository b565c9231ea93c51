import type { EntityManager } from 'typeorm';
import type { Projection } from '../../../projections/runner/projection';
import type { LogPosition, StoredEvent } from '../../event-store/event-store.port';
import { CHECKPOINT_STREAM } from '../checkpoints/checkpoint';
import type { CheckpointEvent } from '../checkpoints/checkpoint.events';
import { eventLeafHash, hashChildren } from './merkle-hash';
import { isStored, STORED_FROM_LEVEL } from './stored-levels';

interface TreeMemory {
  size: number;
  lastContentLeaf: number;
  /** The last stored node of each level: the left sibling a new odd-indexed node pairs with. */
  lastAt: Map<number, { index: number; hash: Buffer }>;
}

/**
 * Assigns each event of the log its leaf index, in read order, and stores every perfect subtree
 * that completes at the levels the table keeps (stored-levels.ts). Run by the projection runner,
 * so a batch's leaves, nodes and the runner's checkpoint commit in one transaction: a crash
 * neither skips nor repeats a leaf. It also keeps
 * `merkle_checkpoints` from the `audit-checkpoints` events, for the endpoints.
 */
export class MerkleTreeProjection implements Projection {
  readonly name = 'merkle-tree';
  readonly tables = ['merkle_nodes', 'merkle_leaves', 'merkle_tree_state', 'merkle_checkpoints'] as const;
  /**
   * A leaf is the event's hash: only the checkpoints' own payloads are read. Reading every payload
   * was most of the tree's cost (bench: npm run bench -- checkpoints, tree leaves/s and CPU).
   */
  readonly payloadsOf = [CHECKPOINT_STREAM] as const;
  private memory?: TreeMemory;
  /** Where the memory stands in the log: the last event it took in. */
  private position?: LogPosition;

  reset(): void {
    this.memory = undefined;
    this.position = undefined;
  }

  /** Instances take turns leading (one per tick): memory another instance has since moved past is dropped. */
  resumeAt(checkpoint: LogPosition): void {
    if (this.position?.commit !== checkpoint.commit || this.position.prepare !== checkpoint.prepare) this.reset();
  }

  async apply(events: StoredEvent[], tx: EntityManager): Promise<void> {
    const tree = this.memory ?? (await withUnstoredLastNodes(tx, await load(tx)));
    this.memory = tree;
    this.position = events.at(-1)?.position ?? this.position;
    const firstLeaf = tree.size;
    const levels: number[] = [];
    const indexes: number[] = [];
    const hashes: Buffer[] = [];
    const store = (level: number, index: number, hash: Buffer) => {
      // Every level's last node is kept in memory (the next one's left sibling); only some levels in the table.
      tree.lastAt.set(level, { index, hash });
      if (!isStored(level)) return;
      levels.push(level);
      indexes.push(index);
      hashes.push(hash);
    };
    for (const event of events) {
      const leaf = tree.size;
      let level = 0;
      let index = leaf;
      let hash = eventLeafHash(event.hash);
      for (;;) {
        // The left sibling is read before this node replaces it as the level's last.
        const left = index % 2 === 1 ? tree.lastAt.get(level) : undefined;
        store(level, index, hash);
        if (index % 2 === 0) break;
        if (!left || left.index !== index - 1) throw new Error(`merkle tree: left sibling of ${level}:${index} is missing`);
        hash = hashChildren(left.hash, hash);
        level += 1;
        index = (index - 1) / 2;
      }
      tree.size += 1;
      if (event.stream === CHECKPOINT_STREAM) await recordCheckpointEvent(tx, event);
      else tree.lastContentLeaf = leaf;
    }
    // The hashes go as one binary parameter, 32 bytes each, cut by ordinality: as hex text in an
    // array PostgreSQL parsed and decoded each, and Node encoded each (bench: tree leaves/s).
    await tx.query(
      `INSERT INTO merkle_nodes (level, idx, hash)
       SELECT l, i, substring($3::bytea FROM (o::int - 1) * 32 + 1 FOR 32) FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS n(l, i, o)`,
      [arrayLiteral(levels), arrayLiteral(indexes), Buffer.concat(hashes)],
    );
    // A batch's leaves are consecutive: the n-th event read is leaf firstLeaf + n - 1.
    await tx.query(`INSERT INTO merkle_leaves (global_position, leaf_index) SELECT p, $2::bigint + n - 1 FROM unnest($1::bigint[]) WITH ORDINALITY AS x(p, n)`, [
      arrayLiteral(events.map((e) => e.globalPosition)),
      firstLeaf,
    ]);
    await tx.query(
      `INSERT INTO merkle_tree_state (id, size, last_content_leaf) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size, last_content_leaf = EXCLUDED.last_content_leaf`,
      [tree.size, tree.lastContentLeaf],
    );
  }
}

/**
 * A PostgreSQL array literal of numbers, none of which needs quoting: pg's own
 * conversion escapes element by element, 9% of the tree's Node CPU in a profile of its catch-up.
 */
function arrayLiteral(items: readonly (number | bigint)[]): string {
  return `{${items.join(',')}}`;
}

async function load(tx: EntityManager): Promise<TreeMemory> {
  const state = await tx.query<{ size: string; last_content_leaf: string }[]>('SELECT size, last_content_leaf FROM merkle_tree_state WHERE id = 1');
  const last = await tx.query<{ level: number; idx: string; hash: Buffer }[]>(
    `SELECT l.level, x.idx, x.hash FROM generate_series(0, 62) AS l(level)
     CROSS JOIN LATERAL (SELECT idx, hash FROM merkle_nodes WHERE level = l.level ORDER BY idx DESC LIMIT 1) x`,
  );
  return {
    size: state[0] ? Number(state[0].size) : 0,
    lastContentLeaf: state[0] ? Number(state[0].last_content_leaf) : -1,
    lastAt: new Map(last.map((r) => [r.level, { index: Number(r.idx), hash: r.hash }])),
  };
}

/**
 * The last node of each level the table does not keep, from the leaves: all of them lie in the
 * last two blocks of 2^(STORED_FROM_LEVEL-1) leaves below the tree's size (at most 15 leaves).
 */
async function withUnstoredLastNodes(tx: EntityManager, tree: TreeMemory): Promise<TreeMemory> {
  const { size, lastAt } = tree;
  const top = 2 ** (STORED_FROM_LEVEL - 1);
  const from = Math.max(0, Math.floor(size / top) * top - top);
  const rows = await tx.query<{ idx: string; hash: Buffer }[]>('SELECT idx, hash FROM merkle_nodes WHERE level = 0 AND idx >= $1 AND idx < $2 ORDER BY idx', [from, size]);
  let nodes = new Map(rows.map((r) => [Number(r.idx), r.hash]));
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
      lastAt.set(level, { index: lastIndex, hash });
    }
    nodes = above;
  }
  return tree;
}

async function recordCheckpointEvent(tx: EntityManager, stored: StoredEvent): Promise<void> {
  const event = { type: stored.type, data: stored.data } as CheckpointEvent;
  switch (event.type) {
    case 'LedgerCheckpointed': {
      const d = event.data;
      // A second checkpoint of the same size keeps the first here; `verify` checks every one from the log.
      await tx.query(
        `INSERT INTO merkle_checkpoints (tree_size, origin, root_hash, note, signature, key_id, event_id, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (tree_size) DO NOTHING`,
        [d.treeSize, d.origin, d.rootHash, d.note, d.signature, d.keyId, stored.eventId, stored.metadata.recordedAt],
      );
      return;
    }
    case 'CheckpointCosigned': {
      const d = event.data;
      await tx.query(
        `UPDATE merkle_checkpoints SET cosignatures = cosignatures || jsonb_build_array(jsonb_build_object('keyId', $2::text, 'signature', $3::text))
         WHERE tree_size = $1 AND NOT cosignatures @> jsonb_build_array(jsonb_build_object('keyId', $2::text))`,
        [d.treeSize, d.keyId, d.signature],
      );
      return;
    }
    default:
      return;
  }
}

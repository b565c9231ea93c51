import type { EntityManager } from 'typeorm';
import type { Projection } from '../../../projections/runner/projection';
import type { LogPosition, StoredEvent } from '../../event-store/event-store.port';
import { CHECKPOINT_STREAM } from '../checkpoints/checkpoint';
import type { CheckpointEvent } from '../checkpoints/checkpoint.events';
import { eventLeafHash, hashChildren } from './merkle-hash';

interface TreeMemory {
  size: number;
  lastContentLeaf: number;
  /** The last stored node of each level: the left sibling a new odd-indexed node pairs with. */
  lastAt: Map<number, { index: number; hash: Buffer }>;
}

/**
 * Assigns each event of the log its leaf index, in read order, and stores every perfect subtree
 * that completes. Run by the projection runner, so a batch's leaves, nodes and the runner's
 * checkpoint commit in one transaction: a crash neither skips nor repeats a leaf. It also keeps
 * `merkle_checkpoints` from the `audit-checkpoints` events, for the endpoints.
 */
export class MerkleTreeProjection implements Projection {
  readonly name = 'merkle-tree';
  readonly tables = ['merkle_nodes', 'merkle_leaves', 'merkle_tree_state', 'merkle_checkpoints'] as const;
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
    const tree = this.memory ?? (await load(tx));
    this.memory = tree;
    this.position = events.at(-1)?.position ?? this.position;
    const levels: number[] = [];
    const indexes: string[] = [];
    const hashes: string[] = [];
    const store = (level: number, index: number, hash: Buffer) => {
      levels.push(level);
      indexes.push(String(index));
      hashes.push(hash.toString('hex'));
      tree.lastAt.set(level, { index, hash });
    };
    const leafIndexes: string[] = [];
    for (const event of events) {
      const leaf = tree.size;
      leafIndexes.push(String(leaf));
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
    await tx.query(`INSERT INTO merkle_nodes (level, idx, hash) SELECT l, i, decode(h, 'hex') FROM unnest($1::smallint[], $2::bigint[], $3::text[]) AS n(l, i, h)`, [
      levels,
      indexes,
      hashes,
    ]);
    await tx.query(`INSERT INTO merkle_leaves (event_id, leaf_index) SELECT * FROM unnest($1::uuid[], $2::bigint[])`, [events.map((e) => e.eventId), leafIndexes]);
    await tx.query(
      `INSERT INTO merkle_tree_state (id, size, last_content_leaf) VALUES (1, $1, $2)
       ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size, last_content_leaf = EXCLUDED.last_content_leaf`,
      [tree.size, tree.lastContentLeaf],
    );
  }
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

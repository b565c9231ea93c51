import type { EntityManager } from 'typeorm';
import type { HashesProjection } from '../../../projections/runner/projection';
import type { HashesPage, LogPosition, StoredEvent } from '../../event-store/event-store.port';
import { CHECKPOINT_STREAM } from '../checkpoints/checkpoint';
import type { CheckpointEvent } from '../checkpoints/checkpoint.events';
import { MERKLE_BATCH_LEAVES } from './merkle-batches';
import { type Digest, eventLeafDigest, hashChildrenDigest } from './merkle-hash';
import { isStored } from './stored-levels';
import { loadTreeMemory, type TreeMemory } from './tree-memory';

/** Leaves hashed between two turns of the event loop: about 10 ms of work. */
const YIELD_EVERY = 500;

/**
 * Makes each event of the log a leaf, in read order, recorded as runs of consecutive events
 * (`merkle_batches`, merkle-batches.ts), and stores every perfect subtree that completes at the
 * levels the table keeps (stored-levels.ts). Run by the projection runner, so a batch's rows,
 * nodes and the runner's checkpoint commit in one transaction: a crash neither skips nor repeats
 * a leaf. It also keeps `merkle_checkpoints` from the `audit-checkpoints` events, for the endpoints.
 */
export class MerkleTreeProjection implements HashesProjection {
  readonly name = 'merkle-tree';
  readonly tables = ['merkle_nodes', 'merkle_batches', 'merkle_tree_state', 'merkle_checkpoints'] as const;
  /**
   * A leaf is the event's hash: only the checkpoints are read whole. Reading every payload was most
   * of the tree's cost (bench: npm run bench -- checkpoints, tree leaves/s and CPU).
   */
  readonly wholeEventsOf = [CHECKPOINT_STREAM] as const;
  private memory?: TreeMemory;
  /** Where the memory stands in the log: the last event it took in. */
  private position?: LogPosition;

  /** `leavesPerBatch`: the most leaves a `merkle_batches` row holds; tests make it small to cross rows often. */
  constructor(private readonly leavesPerBatch = MERKLE_BATCH_LEAVES) {
    // The readers walk at most MERKLE_BATCH_LEAVES events of a row (merkle-batches.ts).
    if (leavesPerBatch < 1 || leavesPerBatch > MERKLE_BATCH_LEAVES) throw new RangeError(`merkle tree: ${leavesPerBatch} leaves per batch row`);
  }

  reset(): void {
    this.memory = undefined;
    this.position = undefined;
  }

  /** Instances take turns leading (one per tick): memory another instance has since moved past is dropped. */
  resumeAt(checkpoint: LogPosition): void {
    if (this.position?.commit !== checkpoint.commit || this.position.prepare !== checkpoint.prepare) this.reset();
  }

  async apply(page: HashesPage, tx: EntityManager): Promise<void> {
    this.memory ??= await loadTreeMemory(tx);
    await (await this.foldInto(this.memory, page))(tx);
  }

  /**
   * Folds the batch now and returns its writes, so the runner reads and commits beside it. Null
   * until memory is loaded (a start, after a failure): the runner then calls `apply`.
   */
  async fold(page: HashesPage): Promise<((tx: EntityManager) => Promise<void>) | null> {
    return this.memory ? this.foldInto(this.memory, page) : null;
  }

  private async foldInto(tree: TreeMemory, page: HashesPage): Promise<(tx: EntityManager) => Promise<void>> {
    try {
      return await this.hashInto(tree, page);
    } catch (error) {
      // Memory is half-folded: it starts again from the tables.
      this.reset();
      throw error;
    }
  }

  private async hashInto(tree: TreeMemory, page: HashesPage): Promise<(tx: EntityManager) => Promise<void>> {
    if (page.length > 0) this.position = page.next;
    const rows: { first: number; leaves: number; after: LogPosition; last: LogPosition }[] = [];
    const firstLeaf = tree.size;
    const levels: number[] = [];
    const indexes: number[] = [];
    const hashes: Digest[] = [];
    const store = (level: number, index: number, hash: Digest) => {
      // Every level's last node is kept in memory (the next one's left sibling); only some levels in the table.
      tree.lastIndex[level] = index;
      tree.lastHash[level] = hash;
      if (!isStored(level)) return;
      levels.push(level);
      indexes.push(index);
      hashes.push(hash);
    };
    for (let i = 0; i < page.length; i += 1) {
      // The checkpointer shares its process with the appends: a batch of 5,000 hashed in one go held them up ~70 ms.
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const leaf = tree.size;
      if (leaf - tree.rowFirst === this.leavesPerBatch) {
        tree.rowFirst = leaf;
        tree.rowAfter = i === 0 ? tree.last : page.position(i - 1);
      }
      let level = 0;
      let index = leaf;
      let hash = eventLeafDigest(page.hash(i));
      for (;;) {
        // The left sibling is read before this node replaces it as the level's last.
        const left = index % 2 === 1 && tree.lastIndex[level] === index - 1 ? tree.lastHash[level] : undefined;
        store(level, index, hash);
        if (index % 2 === 0) break;
        if (!left) throw new Error(`merkle tree: left sibling of ${level}:${index} is missing`);
        hash = hashChildrenDigest(left, hash);
        level += 1;
        index = (index - 1) / 2;
      }
      tree.size += 1;
      // A row is written once it is full and at the batch's end: the last one may grow in the next batch.
      if (tree.size - tree.rowFirst === this.leavesPerBatch || i === page.length - 1) {
        rows.push({ first: tree.rowFirst, leaves: tree.size - tree.rowFirst, after: tree.rowAfter, last: page.position(i) });
      }
    }
    if (page.length > 0) tree.last = page.next;
    // The page's whole events are the checkpoints' (wholeEventsOf): the last leaf before them is content.
    const checkpoints = page.whole.map((w) => w.event);
    let content = page.length - 1;
    for (let w = page.whole.length - 1; w >= 0 && page.whole[w].index === content; w -= 1) content -= 1;
    if (content >= 0) tree.lastContentLeaf = firstLeaf + content;
    const { size, lastContentLeaf } = tree;
    return async (tx) => {
      // The hashes go as one binary parameter, 32 bytes each, cut by ordinality: as hex text in an
      // array PostgreSQL parsed and decoded each, and Node encoded each (bench: tree leaves/s).
      await tx.query(
        `INSERT INTO merkle_nodes (level, idx, hash)
         SELECT l, i, substring($3::bytea FROM (o::int - 1) * 32 + 1 FOR 32) FROM unnest($1::smallint[], $2::bigint[]) WITH ORDINALITY AS n(l, i, o)`,
        [arrayLiteral(levels), arrayLiteral(indexes), Buffer.from(hashes.join(''), 'latin1')],
      );
      await tx.query(
        `INSERT INTO merkle_batches (first_leaf, leaves, after_tx, after_position, last_tx, last_position)
         SELECT * FROM unnest($1::bigint[], $2::int[], $3::xid8[], $4::bigint[], $5::xid8[], $6::bigint[])
         ON CONFLICT (first_leaf) DO UPDATE SET leaves = EXCLUDED.leaves, last_tx = EXCLUDED.last_tx, last_position = EXCLUDED.last_position`,
        [
          arrayLiteral(rows.map((r) => r.first)),
          arrayLiteral(rows.map((r) => r.leaves)),
          arrayLiteral(rows.map((r) => r.after.commit)),
          arrayLiteral(rows.map((r) => r.after.prepare)),
          arrayLiteral(rows.map((r) => r.last.commit)),
          arrayLiteral(rows.map((r) => r.last.prepare)),
        ],
      );
      await tx.query(
        `INSERT INTO merkle_tree_state (id, size, last_content_leaf) VALUES (1, $1, $2)
         ON CONFLICT (id) DO UPDATE SET size = EXCLUDED.size, last_content_leaf = EXCLUDED.last_content_leaf`,
        [size, lastContentLeaf],
      );
      for (const checkpoint of checkpoints) await recordCheckpointEvent(tx, checkpoint);
    };
  }
}

/**
 * A PostgreSQL array literal of numbers, none of which needs quoting: pg's own
 * conversion escapes element by element, 9% of the tree's Node CPU in a profile of its catch-up.
 */
function arrayLiteral(items: readonly (number | bigint)[]): string {
  return `{${items.join(',')}}`;
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

import type { DataSource } from 'typeorm';
import type { ProjectionRunner } from '../../../projections/runner/projection-runner';
import type { CheckpointSettings } from '../../config/app-config';
import { ConcurrencyConflict } from '../../event-store/event-store.errors';
import type { EventStore } from '../../event-store/event-store.port';
import type { Clock } from '../../shared/clock';
import { MerkleTreeProjection } from '../merkle/merkle-tree.projection';
import { everyEventIsALeaf } from '../merkle/merkle-batches';
import { rootAt, treeSize } from '../merkle/stored-tree';
import { CHECKPOINT_STREAM } from './checkpoint';
import { checkpointDue } from './checkpoint-due';
import { formatNote, publicKeyPem, signNote } from './checkpoint-note';
import type { LedgerCheckpointed } from './checkpoint.events';
import type { KeyRing } from './signing-keys';

const SIGNER = { subject: 'system:checkpointer', role: 'admin' } as const;
/** Events per transaction of the tree: a second of appends is one or two batches. */
const TREE_BATCH = 5000;

/** The last LedgerCheckpointed in the log (not the derived table: it may lag) and the stream's revision. */
async function lastInLog(db: DataSource): Promise<{ revision: number; treeSize: number; at?: Date }> {
  const rows = await db.query<{ revision: string | null; tree_size: string | null; at: Date | null }[]>(
    `SELECT (SELECT max(stream_revision) FROM events WHERE stream_id = $1) AS revision,
            (SELECT data->>'treeSize' FROM events WHERE stream_id = $1 AND type = 'LedgerCheckpointed' ORDER BY stream_revision DESC LIMIT 1) AS tree_size,
            (SELECT recorded_at FROM events WHERE stream_id = $1 AND type = 'LedgerCheckpointed' ORDER BY stream_revision DESC LIMIT 1) AS at`,
    [CHECKPOINT_STREAM],
  );
  const row = rows[0];
  return { revision: row.revision === null ? -1 : Number(row.revision), treeSize: row.tree_size === null ? 0 : Number(row.tree_size), at: row.at ?? undefined };
}

/**
 * Signs checkpoints over the tree the MerkleTreeProjection keeps. The append names the stream's
 * expected revision, so two instances never both sign: the second gets a conflict and lets it be.
 */
export class Checkpointer {
  readonly tree = new MerkleTreeProjection();
  private readonly startedAt: Date;

  constructor(
    private readonly store: EventStore,
    private readonly dataSource: DataSource,
    private readonly runner: ProjectionRunner,
    private readonly settings: CheckpointSettings,
    private readonly keys: () => Promise<KeyRing>,
    private readonly clock: Clock,
  ) {
    this.startedAt = clock.now();
  }

  /** Signs the tree as it is now if a checkpoint is due (or `force` and it grew); the signed data, or undefined. */
  async signIfDue(force = false): Promise<LedgerCheckpointed['data'] | undefined> {
    const tree = await treeSize(this.dataSource);
    const last = await lastInLog(this.dataSource);
    const due = force
      ? tree.size > last.treeSize
      : checkpointDue(tree, { treeSize: last.treeSize, at: last.at ?? this.startedAt }, this.settings.every, this.settings.seconds, this.clock.now());
    if (!due) return undefined;
    const root = await rootAt(this.dataSource, tree.size);
    const { current } = await this.keys();
    const note = formatNote(this.settings.origin, tree.size, root);
    const data: LedgerCheckpointed['data'] = {
      origin: this.settings.origin,
      treeSize: tree.size,
      rootHash: root.toString('hex'),
      note,
      signature: signNote(note, current.privateKey),
      keyId: current.keyId,
      publicKeyPem: publicKeyPem(current.publicKey),
    };
    try {
      await this.store.append(CHECKPOINT_STREAM, [{ type: 'LedgerCheckpointed', data }], {
        expectedRevision: last.revision === -1 ? 'no_stream' : last.revision,
        actor: SIGNER,
      });
    } catch (error) {
      // Another instance (or a cosignature) wrote first: the next tick looks again.
      if (error instanceof ConcurrencyConflict) return undefined;
      throw error;
    }
    return data;
  }

  /** Brings the tree up to the log, signs it if it grew, and records that checkpoint in the tree's tables. */
  async checkpointNow(): Promise<LedgerCheckpointed['data'] | undefined> {
    await this.catchUpTree();
    const signed = await this.signIfDue(true);
    await this.catchUpAfterSigning();
    return signed;
  }

  /**
   * Brings the tree up to the log under its leader lock (ProjectionLocked when another instance
   * holds it); `stop` ends it between batches.
   */
  async catchUpTree(stop?: () => boolean): Promise<void> {
    await this.runner.catchUp(this.tree, { batchSize: TREE_BATCH, stop });
  }

  /** Whether every event written so far is a leaf. */
  treeIsCurrent(): Promise<boolean> {
    return everyEventIsALeaf(this.dataSource);
  }

  /** The checkpoint's own event is only readable once its transaction is below every reader's horizon. */
  private async catchUpAfterSigning(): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      await this.catchUpTree();
      if (await this.treeIsCurrent()) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
}

import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CHECKPOINT_STREAM } from '../src/audit/checkpoints/checkpoint';
import { checkpointDue } from '../src/audit/checkpoints/checkpoint-due';
import { formatNote, publicKeyPem, signNote } from '../src/audit/checkpoints/checkpoint-note';
import type { LedgerCheckpointed } from '../src/audit/checkpoints/checkpoint.events';
import type { KeyRing } from '../src/audit/checkpoints/signing-keys';
import { eventLeafHash } from '../src/audit/merkle/merkle-hash';
import { MerkleFrontier } from '../src/audit/merkle/merkle-frontier';
import type { CheckpointSettings } from '../src/config/app-config';
import type { EventMetadata, StreamAppend } from '../src/event-store/event-store.port';
import { chainHash, GENESIS_HASH } from '../src/event-store/hash-chain';
import { prepareAppends } from '../src/event-store/prepare-events';
import type { Actor } from '../src/shared/actor';
import type { JsonObject } from '../src/shared/json';
import { type ColumnKind, encodeCopyRows } from '../projections/engine/copy-rows';
import type { DatasetGroup } from './ledger-dataset';

/** An `events` row as noxh_append inserts it (tx_id and global_position are the table's defaults). */
interface EventRow {
  event_id: string;
  stream_id: string;
  stream_revision: number;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

const COLUMNS = ['event_id', 'stream_id', 'stream_revision', 'type', 'data', 'metadata', 'recorded_at', 'prev_hash', 'hash'] as const;
const KINDS: ColumnKind[] = ['scalar', 'scalar', 'scalar', 'scalar', 'json', 'json', 'scalar', 'scalar', 'scalar'];
/** Rows per COPY: each COPY is one transaction, so one tx_id, and the log's read order is the order written here. */
const ROWS_PER_COPY = 10_000;
const MAX_EVENT_BYTES = 1024 * 1024;
const WRITER: Actor = { subject: 'bench', role: 'board', province: '31' };
const SIGNER: Actor = { subject: 'system:checkpointer', role: 'admin' };

/**
 * Writes a history straight into `events` with COPY, computing here what noxh_append computes
 * (each stream's revision and hash chain), and signing a `LedgerCheckpointed` every
 * CHECKPOINT_EVERY events as the checkpointer would. Events are stamped by the store's own
 * `prepareAppends`, so metadata and hashed bodies are the store's; `verify` passing on the result
 * is what proves the rows are the store's (the bench asserts it). The append path itself is
 * measured by `npm run bench -- event-store`.
 */
export class ChainedLog {
  private readonly tips = new Map<string, { revision: number; hash: string }>();
  private readonly frontier = new MerkleFrontier();
  private lastCheckpoint = 0;
  private lastContentLeaf = -1;
  private rows: EventRow[] = [];
  private copying: Promise<void> = Promise.resolve();
  contentEvents = 0;
  checkpoints = 0;

  constructor(
    private readonly pool: Pool,
    private readonly keys: KeyRing,
    private readonly settings: CheckpointSettings,
  ) {}

  get size(): number {
    return this.frontier.size;
  }

  /** Writes every group, then waits for the last COPY. */
  async write(groups: Iterable<DatasetGroup>, onWritten: (events: number) => void): Promise<void> {
    for (const group of groups) {
      const now = new Date();
      this.add(group.appends, WRITER, now, true);
      if (checkpointDue({ size: this.frontier.size, lastContentLeaf: this.lastContentLeaf }, { treeSize: this.lastCheckpoint, at: now },
        this.settings.every, this.settings.seconds, now)) this.sign(now);
      if (this.rows.length >= ROWS_PER_COPY) await this.flush();
      onWritten(this.contentEvents);
    }
    await this.flush();
    await this.copying;
  }

  /**
   * Takes in what others appended after the rows written here (the checkpointer's own signings,
   * between sizes), so chains and tree go on from the log as it is.
   */
  async absorb(): Promise<void> {
    const [{ n }] = (await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows;
    const extra = Number(n) - this.frontier.size;
    if (extra <= 0) return;
    const { rows } = await this.pool.query<{ stream_id: string; stream_revision: string; hash: string; type: string; tree_size: string | null }>(
      `SELECT stream_id, stream_revision, hash, type, tree_size FROM (
         SELECT tx_id, global_position, stream_id, stream_revision, hash, type, data->>'treeSize' AS tree_size FROM events
         ORDER BY tx_id DESC, global_position DESC LIMIT $1) last ORDER BY tx_id, global_position`,
      [extra],
    );
    for (const row of rows) {
      this.tips.set(row.stream_id, { revision: Number(row.stream_revision), hash: row.hash });
      if (row.type === 'LedgerCheckpointed' && row.tree_size !== null) this.lastCheckpoint = Number(row.tree_size);
      this.frontier.add(eventLeafHash(row.hash));
    }
  }

  /** The checkpointer's append, without its reads: the frontier here is the tree it would sign. */
  private sign(now: Date): void {
    const { current } = this.keys;
    const root = this.frontier.root();
    const note = formatNote(this.settings.origin, this.frontier.size, root);
    const data: LedgerCheckpointed['data'] = {
      origin: this.settings.origin, treeSize: this.frontier.size, rootHash: root.toString('hex'), note,
      signature: signNote(note, current.privateKey), keyId: current.keyId, publicKeyPem: publicKeyPem(current.publicKey),
    };
    this.lastCheckpoint = this.frontier.size;
    this.add([{ stream: CHECKPOINT_STREAM, events: [{ type: 'LedgerCheckpointed', data }], expectedRevision: 'any' }], SIGNER, now, false);
    this.checkpoints += 1;
  }

  private add(appends: StreamAppend[], actor: Actor, now: Date, content: boolean): void {
    for (const prepared of prepareAppends(appends, { actor }, now, MAX_EVENT_BYTES)) {
      let tip = this.tips.get(prepared.stream) ?? { revision: -1, hash: GENESIS_HASH };
      for (const event of prepared.events) {
        const revision = tip.revision + 1;
        const hash = chainHash(tip.hash, revision, event.body);
        this.rows.push({
          event_id: event.eventId, stream_id: prepared.stream, stream_revision: revision, type: event.type, data: event.data,
          metadata: event.metadata, recorded_at: event.metadata.recordedAt, prev_hash: tip.hash, hash,
        });
        if (content) {
          this.lastContentLeaf = this.frontier.size;
          this.contentEvents += 1;
        }
        this.frontier.add(eventLeafHash(hash));
        tip = { revision, hash };
      }
      this.tips.set(prepared.stream, tip);
    }
  }

  /** Starts this chunk's COPY once the previous one is done: PostgreSQL ingests one chunk while the next is computed. */
  private async flush(): Promise<void> {
    if (this.rows.length === 0) return;
    const text = encodeCopyRows(this.rows, COLUMNS, KINDS);
    this.rows = [];
    await this.copying;
    this.copying = this.copy(text);
    // Awaited by the next flush; a failure must not surface as an unhandled rejection meanwhile.
    this.copying.catch(() => undefined);
  }

  private async copy(text: Buffer): Promise<void> {
    const client = await this.pool.connect();
    try {
      await pipeline(Readable.from([text]), client.query(copyFrom(`COPY events (${COLUMNS.join(', ')}) FROM STDIN`)));
    } finally {
      client.release();
    }
  }
}

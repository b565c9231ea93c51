import { Inject, Injectable } from '@nestjs/common';
import type { KeyObject } from 'node:crypto';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { PG_POOL } from '../database/database.module';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { PersonalDataReads } from '../inspection/personal-data/personal-data-reads';
import type { Actor } from '../shared/actor';
import { CLOCK, type Clock } from '../shared/clock';
import type { JsonObject } from '../shared/json';
import { CheckpointNotFound, CosignatureRejected } from './audit.errors';
import { CHECKPOINT_STREAM, type SignedCheckpoint } from './checkpoints/checkpoint';
import { KEY_RING, type KeyRingSource, WITNESS_KEYS } from './checkpoints/checkpoint-keys.provider';
import { publicKeyPem, verifyNoteSignature } from './checkpoints/checkpoint-note';
import { checkpointOfSize, latestCheckpoint } from './checkpoints/checkpoint-rows';
import { CheckpointerService } from './checkpoints/checkpointer.service';
import { exportEvidenceBundle } from './evidence/export-evidence-bundle';
import { preparedSql } from './merkle/prepared-sql';
import type { Sql } from './merkle/sql';
import { consistencyProof, inclusionProof } from './proofs/proofs';

/** The endpoints of API.md "Tamper evidence", each a few lines over the pure parts. */
@Injectable()
export class TamperEvidenceService {
  /** The proof endpoints' reads, prepared per connection: planning was most of a proof's time. */
  private readonly proofReads: Sql;

  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(KEY_RING) private readonly keys: KeyRingSource,
    @Inject(WITNESS_KEYS) private readonly witnesses: Map<string, KeyObject>,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly checkpointer: CheckpointerService,
    private readonly reads: PersonalDataReads,
    @Inject(PG_POOL) pool: Pool,
  ) {
    this.proofReads = preparedSql(pool);
  }

  async publicKey(): Promise<{ keyId: string; publicKeyPem: string }> {
    const { current } = await this.keys();
    return { keyId: current.keyId, publicKeyPem: publicKeyPem(current.publicKey) };
  }

  async checkpoint(treeSize?: number): Promise<SignedCheckpoint> {
    const found = treeSize === undefined ? await latestCheckpoint(this.db) : await checkpointOfSize(this.db, treeSize);
    if (!found) throw new CheckpointNotFound(treeSize);
    return found;
  }

  /** Records a witness's cosignature once it verifies against that witness's registered key. */
  async cosign(treeSize: number, keyId: string, signature: string, actor: Actor): Promise<{ treeSize: number; keyId: string }> {
    const checkpoint = await this.checkpoint(treeSize);
    const witness = this.witnesses.get(keyId);
    if (!witness) throw new CosignatureRejected(`Key ${keyId} is not a registered witness (WITNESS_PUBLIC_KEYS)`, keyId);
    if (!verifyNoteSignature(checkpoint.note, signature, witness)) throw new CosignatureRejected(`The signature does not verify over checkpoint ${treeSize}'s note with witness key ${keyId}`, keyId);
    if (!checkpoint.cosignatures.some((c) => c.keyId === keyId)) {
      await this.store.append(CHECKPOINT_STREAM, [{ type: 'CheckpointCosigned', data: { treeSize, keyId, signature } }], { expectedRevision: 'any', actor });
    }
    return { treeSize, keyId };
  }

  inclusion(eventId: string, treeSize: number) {
    return inclusionProof(this.proofReads, eventId, treeSize);
  }

  consistency(from: number, to: number) {
    return consistencyProof(this.proofReads, from, to);
  }

  /** The bundle file's exact bytes; the inspector's read of the personal data in it is recorded. */
  async evidenceBundle(findingId: string, actor: Actor): Promise<string> {
    const { bundle, text } = await exportEvidenceBundle(
      {
        db: this.db,
        store: this.store,
        keys: await this.keys(),
        witnesses: this.witnesses,
        catchUpTree: () => this.checkpointer.catchUpTree(),
        covering: (leaf) => this.checkpointer.covering(leaf),
        now: this.clock.now(),
      },
      findingId,
    );
    const finding = bundle.finding as JsonObject & { citizenIds?: string[] };
    await this.reads.record(actor, { endpoint: 'GET /api/v1/findings/:id/evidence-bundle', ids: [findingId], citizenIds: finding.citizenIds ?? [] });
    return text;
  }
}

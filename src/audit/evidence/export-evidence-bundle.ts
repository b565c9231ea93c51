import type { KeyObject } from 'node:crypto';
import type { EventStore, StoredEvent } from '../../event-store/event-store.port';
import { findingById, type ReadModels } from '../../inspection/findings/finding-rows';
import { FindingNotFound } from '../../inspection/inspection.errors';
import type { JsonObject } from '../../shared/json';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import type { KeyRing } from '../checkpoints/signing-keys';
import { leafIndexOf } from '../merkle/stored-tree';
import { inclusionProof, type InclusionProof } from '../proofs/proofs';
import { buildEvidenceBundle } from './build-evidence-bundle';
import type { EvidenceBundle } from './evidence-bundle';

export interface ExportDeps {
  db: ReadModels;
  store: Pick<EventStore, 'readStreams'>;
  keys: KeyRing;
  witnesses: Map<string, KeyObject>;
  /** Brings the tree up to the log (waits for the live leader, or catches up itself). */
  catchUpTree: () => Promise<void>;
  /** A signed checkpoint covering the leaf, signing one if none does yet. */
  covering: (leafIndex: number) => Promise<SignedCheckpoint | undefined>;
  now: Date;
}

/** `noxh evidence export` and GET /findings/:id/evidence-bundle: the finding's bundle and its file's bytes. */
export async function exportEvidenceBundle(deps: ExportDeps, findingId: string): Promise<{ bundle: EvidenceBundle; text: string }> {
  const finding = await findingById(deps.db, findingId);
  if (!finding) throw new FindingNotFound(findingId);
  const streams = await deps.store.readStreams([...new Set(finding.evidence.map((e) => e.stream))]);
  const events: StoredEvent[] = [];
  for (const { eventId, stream } of finding.evidence) {
    const event = streams.get(stream)?.find((e) => e.eventId === eventId);
    if (!event) throw new Error(`evidence event ${eventId} of finding ${findingId} is not in the log: run noxh verify`);
    events.push(event);
  }
  let leaves = await Promise.all(events.map((e) => leafIndexOf(deps.db, e.eventId)));
  if (leaves.some((l) => l === undefined)) {
    await deps.catchUpTree();
    leaves = await Promise.all(events.map((e) => leafIndexOf(deps.db, e.eventId)));
  }
  const missing = events.filter((_, i) => leaves[i] === undefined);
  if (missing.length > 0) throw new Error(`evidence ${missing.map((e) => e.eventId).join(', ')} is not in the Merkle tree yet: try again when the checkpointer has caught up`);
  const checkpoint = await deps.covering(Math.max(-1, ...leaves.map((l) => l ?? -1)));
  if (!checkpoint) throw new Error('no signed checkpoint covers the evidence yet: try again in CHECKPOINT_SECONDS');
  const proofs = new Map<string, InclusionProof>();
  for (const event of events) proofs.set(event.eventId, await inclusionProof(deps.db, event.eventId, checkpoint.treeSize));
  const keys = new Map([...deps.keys.trusted, ...deps.witnesses]);
  return buildEvidenceBundle({
    finding: finding as unknown as JsonObject,
    events,
    proofs,
    checkpoint,
    signer: deps.keys.current,
    keys,
    exportedAt: deps.now,
  });
}

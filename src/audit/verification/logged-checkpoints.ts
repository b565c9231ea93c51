import type { EventStore } from '../../event-store/event-store.port';
import { CHECKPOINT_STREAM, type SignedCheckpoint } from '../checkpoints/checkpoint';
import type { CheckpointEvent } from '../checkpoints/checkpoint.events';

/** Every checkpoint in the log with its cosignatures, in the order they were signed. */
export async function loggedCheckpoints(store: Pick<EventStore, 'readStream'>): Promise<SignedCheckpoint[]> {
  const checkpoints: SignedCheckpoint[] = [];
  for (const stored of await store.readStream(CHECKPOINT_STREAM)) {
    const event = { type: stored.type, data: stored.data } as CheckpointEvent;
    switch (event.type) {
      case 'LedgerCheckpointed': {
        const { origin, treeSize, rootHash, note, signature, keyId } = event.data;
        checkpoints.push({ origin, treeSize, rootHash, note, signature, keyId, cosignatures: [], createdAt: stored.metadata.recordedAt });
        break;
      }
      case 'CheckpointCosigned': {
        const signed = checkpoints.find((c) => c.treeSize === event.data.treeSize);
        signed?.cosignatures.push({ keyId: event.data.keyId, signature: event.data.signature });
        break;
      }
    }
  }
  return checkpoints;
}

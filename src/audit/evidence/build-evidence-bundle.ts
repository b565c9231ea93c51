import type { KeyObject } from 'node:crypto';
import { canonicalJson, type JsonObject, type JsonValue } from '../../shared/json';
import type { StoredEvent } from '../../event-store/event-store.port';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { publicKeyPem, signNote } from '../checkpoints/checkpoint-note';
import type { SigningKey } from '../checkpoints/signing-keys';
import type { InclusionProof } from '../proofs/proofs';
import { BUNDLE_FORMAT, type BundledKey, type EvidenceBundle } from './evidence-bundle';

export interface BundleParts {
  finding: JsonObject;
  events: StoredEvent[];
  proofs: Map<string, InclusionProof>;
  checkpoint: SignedCheckpoint;
  signer: SigningKey;
  /** Public keys of the checkpoint's signer (it may be a rotated one) and of its witnesses. */
  keys: Map<string, KeyObject>;
  exportedAt: Date;
}

/** The bundle and its file's exact bytes (canonical JSON and a newline). */
export function buildEvidenceBundle(parts: BundleParts): { bundle: EvidenceBundle; text: string } {
  const { finding, events, proofs, checkpoint, signer } = parts;
  const publicKeys: BundledKey[] = [];
  const add = (keyId: string, role: BundledKey['role']) => {
    const key = parts.keys.get(keyId) ?? (keyId === signer.keyId ? signer.publicKey : undefined);
    if (key && !publicKeys.some((k) => k.keyId === keyId)) publicKeys.push({ keyId, role, publicKeyPem: publicKeyPem(key) });
  };
  add(checkpoint.keyId, 'checkpoint');
  add(signer.keyId, 'checkpoint');
  for (const c of checkpoint.cosignatures) add(c.keyId, 'witness');
  const unsigned = {
    format: BUNDLE_FORMAT as typeof BUNDLE_FORMAT,
    exportedAt: parts.exportedAt.toISOString(),
    finding,
    evidence: events.map((e) => {
      const proof = proofs.get(e.eventId);
      if (!proof) throw new Error(`no inclusion proof for ${e.eventId}`);
      return {
        event: {
          eventId: e.eventId, stream: e.stream, revision: e.revision, globalPosition: e.globalPosition.toString(), type: e.type,
          data: e.data, metadata: e.metadata, prevHash: e.prevHash, hash: e.hash,
        },
        leafIndex: proof.leafIndex,
        auditPath: proof.auditPath,
      };
    }),
    checkpoint,
    publicKeys,
    bundleKeyId: signer.keyId,
  };
  const bundle: EvidenceBundle = { ...unsigned, bundleSignature: signNote(canonicalJson(unsigned as unknown as JsonValue), signer.privateKey) };
  return { bundle, text: `${canonicalJson(bundle as unknown as JsonValue)}\n` };
}

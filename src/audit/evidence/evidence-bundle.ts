import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import type { EventMetadata } from '../../event-store/event-store.port';
import type { JsonObject } from '../../shared/json';

export const BUNDLE_FORMAT = 'noxh-evidence-bundle/1' as const;

/** An evidence event exactly as logged: what its hash is recomputed from. */
export interface BundledEvent {
  eventId: string;
  stream: string;
  revision: number;
  globalPosition: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  prevHash: string;
  hash: string;
}

export interface BundledEvidence {
  event: BundledEvent;
  leafIndex: number;
  auditPath: string[];
}

export interface BundledKey {
  keyId: string;
  role: 'checkpoint' | 'witness';
  publicKeyPem: string;
}

/**
 * One self-contained file (API.md "evidence export"): the finding, its evidence events in full
 * with their inclusion proofs, the signed checkpoint, the public keys. The file is the canonical
 * JSON of this object and a newline, and `bundleSignature` (the checkpoint key's Ed25519 over the
 * canonical JSON of everything else) binds the finding too, which no checkpoint covers: so a
 * change of any single byte of the file is caught.
 */
export interface EvidenceBundle {
  format: typeof BUNDLE_FORMAT;
  exportedAt: string;
  finding: JsonObject;
  evidence: BundledEvidence[];
  checkpoint: SignedCheckpoint;
  publicKeys: BundledKey[];
  bundleKeyId: string;
  bundleSignature: string;
}

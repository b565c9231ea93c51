/** One signature beside the operator's: a witness's Ed25519 over the same note. */
export interface Cosignature {
  keyId: string;
  signature: string;
}

/** A signed checkpoint as API.md shows it (GET /audit/checkpoints/…); also what bundles and witnesses keep. */
export interface SignedCheckpoint {
  origin: string;
  treeSize: number;
  /** hex */
  rootHash: string;
  note: string;
  signature: string;
  keyId: string;
  cosignatures: Cosignature[];
  createdAt: string;
}

/** The stream the checkpointer writes (API.md); the ledger projection ignores it as an unknown stream. */
export const CHECKPOINT_STREAM = 'audit-checkpoints';

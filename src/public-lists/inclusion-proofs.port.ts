/**
 * The signed checkpoints and inclusion proofs of API.md "Tamper evidence" (RFC 9162), as the public
 * lists need them. Bound to the audit context's stored tree (audit-inclusion-proofs.ts); with no
 * checkpoint yet the lists carry `checkpoint: null`, and a row whose event came after the latest
 * checkpoint `leafIndex: null, auditPath: null`.
 */
export const INCLUSION_PROOFS = Symbol('InclusionProofs');

export interface SignedCheckpoint {
  treeSize: number;
  /** hex */
  rootHash: string;
  /** C2SP tlog-checkpoint body: `<origin>\n<treeSize>\n<base64 root hash>\n` */
  note: string;
  /** Ed25519 over the note's UTF-8 bytes, base64 */
  signature: string;
  keyId: string;
}

export interface InclusionProof {
  leafIndex: number;
  /** hex hashes, leaf to root */
  auditPath: string[];
}

export interface InclusionProofs {
  /** The latest signed checkpoint, or null when there is none (yet). */
  latestCheckpoint(): Promise<SignedCheckpoint | null>;
  /** The proof that the event is leaf `leafIndex` of the tree of `treeSize`; null when it cannot be given. */
  inclusionProof(eventId: string, treeSize: number): Promise<InclusionProof | null>;
}

/** No checkpoint, so no proof: the lists say so rather than invent one (for tests and tools without a tree). */
export const NO_INCLUSION_PROOFS_YET: InclusionProofs = {
  latestCheckpoint: () => Promise.resolve(null),
  inclusionProof: () => Promise.resolve(null),
};

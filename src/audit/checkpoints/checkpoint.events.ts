/**
 * Events of the `audit-checkpoints` stream. They are events of the global log like any other, so
 * they are leaves of the tree too: the checkpoint of size n covers leaves 0…n−1 and is itself a
 * later leaf, covered by the next checkpoint. One rule for every event keeps outside
 * re-implementations simple (leaf i is the i-th event, no exceptions); the checkpointer only
 * avoids signing a tree whose only new leaves are its own checkpoints.
 */
export interface LedgerCheckpointed {
  type: 'LedgerCheckpointed';
  data: {
    origin: string;
    treeSize: number;
    rootHash: string;
    note: string;
    signature: string;
    keyId: string;
    /** The signer's public key, for readers' convenience: a verifier trusts only the keys it was given. */
    publicKeyPem: string;
  };
}

/** A witness's cosignature, recorded after it was checked against the witness's registered key. */
export interface CheckpointCosigned {
  type: 'CheckpointCosigned';
  data: { treeSize: number; keyId: string; signature: string };
}

export type CheckpointEvent = LedgerCheckpointed | CheckpointCosigned;

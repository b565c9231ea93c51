import { DataSource } from 'typeorm';
import { EventNotInTree, ProofOutOfRange } from '../audit/audit.errors';
import { latestCheckpoint } from '../audit/checkpoints/checkpoint-rows';
import { inclusionProof } from '../audit/proofs/proofs';
import type { InclusionProof, InclusionProofs, SignedCheckpoint } from './inclusion-proofs.port';

/**
 * INCLUSION_PROOFS over the audit context's stored tree and signed checkpoints (issue 10).
 * It lives here, importing src/audit/ files, so public-lists → audit is the only edge (audit
 * never imports public-lists): no module import, only the DataSource both share.
 * An event written after the latest checkpoint has no proof under it yet: null, not an error.
 */
export function auditInclusionProofs(db: DataSource): InclusionProofs {
  return {
    async latestCheckpoint(): Promise<SignedCheckpoint | null> {
      const found = await latestCheckpoint(db);
      return found ? { treeSize: found.treeSize, rootHash: found.rootHash, note: found.note, signature: found.signature, keyId: found.keyId } : null;
    },
    async inclusionProof(eventId: string, treeSize: number): Promise<InclusionProof | null> {
      try {
        const { leafIndex, auditPath } = await inclusionProof(db, eventId, treeSize);
        return { leafIndex, auditPath };
      } catch (e) {
        if (e instanceof EventNotInTree || e instanceof ProofOutOfRange) return null;
        throw e;
      }
    },
  };
}

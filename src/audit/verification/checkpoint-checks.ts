import type { KeyObject } from 'node:crypto';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { parseNote, verifyNoteSignature } from '../checkpoints/checkpoint-note';

/**
 * Why a checkpoint cannot be trusted, or undefined when it can: its note says what its fields say,
 * its key is one the verifier was given, its signature and every cosignature verify.
 */
export function checkpointProblem(checkpoint: SignedCheckpoint, trusted: Map<string, KeyObject>, witnesses: Map<string, KeyObject>): string | undefined {
  const note = parseNote(checkpoint.note);
  if (!note) return 'its note is not a checkpoint note';
  if (note.origin !== checkpoint.origin || note.treeSize !== checkpoint.treeSize || note.rootHash.toString('hex') !== checkpoint.rootHash) {
    return 'its note does not say what its fields say';
  }
  const key = trusted.get(checkpoint.keyId);
  if (!key) return `it is signed by key ${checkpoint.keyId}, which is not a trusted checkpoint key`;
  if (!verifyNoteSignature(checkpoint.note, checkpoint.signature, key)) return `its signature by key ${checkpoint.keyId} does not verify`;
  for (const cosignature of checkpoint.cosignatures) {
    const witness = witnesses.get(cosignature.keyId);
    if (!witness) return `it carries a cosignature by ${cosignature.keyId}, which is not a registered witness`;
    if (!verifyNoteSignature(checkpoint.note, cosignature.signature, witness)) return `its cosignature by witness ${cosignature.keyId} does not verify`;
  }
  return undefined;
}

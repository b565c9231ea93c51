import type { KeyObject } from 'node:crypto';
import type { SignedCheckpoint } from '../checkpoints/checkpoint';
import { parseNote, verifyNoteSignature } from '../checkpoints/checkpoint-note';

/** Why a checkpoint cannot be trusted: `vi` for the operator, `en` as GET /audit/verify has always said it. */
export interface CheckpointProblem {
  vi: string;
  en: string;
}

/**
 * Why a checkpoint cannot be trusted, or undefined when it can: its note says what its fields say,
 * its key is one the verifier was given, its signature and every cosignature verify.
 */
export function checkpointProblem(checkpoint: SignedCheckpoint, trusted: Map<string, KeyObject>, witnesses: Map<string, KeyObject>): CheckpointProblem | undefined {
  const note = parseNote(checkpoint.note);
  if (!note) return { vi: 'ghi chú (note) không phải ghi chú điểm kiểm tra', en: 'its note is not a checkpoint note' };
  if (note.origin !== checkpoint.origin || note.treeSize !== checkpoint.treeSize || note.rootHash.toString('hex') !== checkpoint.rootHash) {
    return { vi: 'ghi chú (note) không khớp với các trường của điểm kiểm tra', en: 'its note does not say what its fields say' };
  }
  const key = trusted.get(checkpoint.keyId);
  if (!key) return { vi: `được ký bằng khóa ${checkpoint.keyId}, không phải khóa ký điểm kiểm tra được tin cậy`, en: `it is signed by key ${checkpoint.keyId}, which is not a trusted checkpoint key` };
  if (!verifyNoteSignature(checkpoint.note, checkpoint.signature, key)) {
    return { vi: `chữ ký bằng khóa ${checkpoint.keyId} không hợp lệ`, en: `its signature by key ${checkpoint.keyId} does not verify` };
  }
  for (const cosignature of checkpoint.cosignatures) {
    const witness = witnesses.get(cosignature.keyId);
    if (!witness) {
      return { vi: `có chữ ký đồng xác nhận của ${cosignature.keyId}, không phải bên chứng kiến (witness) đã đăng ký`, en: `it carries a cosignature by ${cosignature.keyId}, which is not a registered witness` };
    }
    if (!verifyNoteSignature(checkpoint.note, cosignature.signature, witness)) {
      return { vi: `chữ ký đồng xác nhận của bên chứng kiến ${cosignature.keyId} không hợp lệ`, en: `its cosignature by witness ${cosignature.keyId} does not verify` };
    }
  }
  return undefined;
}

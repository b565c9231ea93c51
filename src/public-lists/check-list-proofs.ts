import type { KeyObject } from 'node:crypto';
import { parseNote, verifyNoteSignature } from '../audit/checkpoints/checkpoint-note';
import { eventLeafHash } from '../audit/merkle/merkle-hash';
import { verifyInclusion } from '../audit/merkle/proof-verification';
import type { Check } from '../lottery/domain/verify-published-lottery';
import type { BeneficiariesView } from './queries/beneficiaries/beneficiaries.view';

/**
 * A published list's tamper evidence, with no database: the checkpoint's signature under the
 * given key (by its keyId), its note naming its size and root, and each row's inclusion proof
 * of its event hash against that root (RFC 9162).
 */
export function checkListProofs(list: Pick<BeneficiariesView, 'checkpoint' | 'items'>, keys: Map<string, KeyObject>): Check[] {
  const cp = list.checkpoint;
  if (!cp) return [{ name: 'điểm kiểm tra đã ký', ok: false, detail: 'danh sách không kèm điểm kiểm tra (checkpoint) đã ký' }];
  const key = keys.get(cp.keyId);
  const note = parseNote(cp.note);
  const checks: Check[] = [
    {
      name: 'chữ ký của điểm kiểm tra',
      ok: !!key && verifyNoteSignature(cp.note, cp.signature, key),
      detail: key ? `kích thước cây ${cp.treeSize}, khóa ${cp.keyId}` : `khóa ${cp.keyId} không phải khóa ký điểm kiểm tra được tin cậy`,
    },
    {
      name: 'ghi chú (note) của điểm kiểm tra',
      ok: !!note && note.treeSize === cp.treeSize && note.rootHash.toString('hex') === cp.rootHash,
      detail: note ? `ghi chú nêu kích thước ${note.treeSize}` : 'không đọc được ghi chú',
    },
  ];
  const root = Buffer.from(cp.rootHash, 'hex');
  for (const row of list.items) {
    const ok = row.leafIndex !== null && row.auditPath !== null &&
      verifyInclusion(row.leafIndex, cp.treeSize, eventLeafHash(row.hash), row.auditPath.map((h) => Buffer.from(h, 'hex')), root);
    checks.push({ name: `bằng chứng của căn hộ ${row.unitNo}`, ok, detail: row.leafIndex === null ? 'không có bằng chứng (sự kiện ghi sau điểm kiểm tra?)' : `lá (leaf) ${row.leafIndex} trên ${cp.treeSize}` });
  }
  return checks;
}

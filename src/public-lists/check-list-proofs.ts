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
  if (!cp) return [{ name: 'signed checkpoint', ok: false, detail: 'the list carries no signed checkpoint' }];
  const key = keys.get(cp.keyId);
  const note = parseNote(cp.note);
  const checks: Check[] = [
    {
      name: 'checkpoint signature',
      ok: !!key && verifyNoteSignature(cp.note, cp.signature, key),
      detail: key ? `tree size ${cp.treeSize}, key ${cp.keyId}` : `key ${cp.keyId} is not a trusted checkpoint key`,
    },
    {
      name: 'checkpoint note',
      ok: !!note && note.treeSize === cp.treeSize && note.rootHash.toString('hex') === cp.rootHash,
      detail: note ? `note says size ${note.treeSize}` : 'the note does not parse',
    },
  ];
  const root = Buffer.from(cp.rootHash, 'hex');
  for (const row of list.items) {
    const ok = row.leafIndex !== null && row.auditPath !== null &&
      verifyInclusion(row.leafIndex, cp.treeSize, eventLeafHash(row.hash), row.auditPath.map((h) => Buffer.from(h, 'hex')), root);
    checks.push({ name: `proof of unit ${row.unitNo}`, ok, detail: row.leafIndex === null ? 'no proof (event after the checkpoint?)' : `leaf ${row.leafIndex} of ${cp.treeSize}` });
  }
  return checks;
}

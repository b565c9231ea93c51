import type { KeyObject } from 'node:crypto';
import { chainHash, eventBody } from '../../event-store/hash-chain';
import { canonicalJson, type JsonValue } from '../../shared/json';
import { keyIdOf, publicKeyFromPem, verifyNoteSignature } from '../checkpoints/checkpoint-note';
import { eventLeafHash } from '../merkle/merkle-hash';
import { verifyInclusion } from '../merkle/proof-verification';
import { checkpointProblem } from '../verification/checkpoint-checks';
import { BUNDLE_FORMAT, type EvidenceBundle } from './evidence-bundle';

export interface BundleVerdict {
  ok: boolean;
  /** What was checked, one line each, in the order checked, in Vietnamese for the inspector. */
  lines: string[];
  /** Without a pinned key the bundle's own key was used: it proves consistency, not origin. */
  pinned: boolean;
  checkpointKeyId?: string;
}

/**
 * `noxh evidence verify`: needs the file only (and, to prove where it comes from, the ledger's
 * public key obtained some other way). Recomputes each event's hash from its content, each
 * inclusion proof up to the checkpoint's root, and every signature.
 */
export function verifyEvidenceBundle(text: string, pinnedPem?: string): BundleVerdict {
  try {
    return check(text, pinnedPem);
  } catch (error) {
    // A field of the wrong shape (an edited file) is a failed check, not a crash.
    return { ok: false, lines: [`FAIL gói bằng chứng bị sai cấu trúc: ${error instanceof Error ? error.message : String(error)}`], pinned: pinnedPem !== undefined };
  }
}

function check(text: string, pinnedPem?: string): BundleVerdict {
  const lines: string[] = [];
  const fail = (line: string, extra: Partial<BundleVerdict> = {}): BundleVerdict => ({ ok: false, lines: [...lines, `FAIL ${line}`], pinned: pinnedPem !== undefined, ...extra });
  let bundle: EvidenceBundle;
  try {
    bundle = JSON.parse(text) as EvidenceBundle;
  } catch {
    return fail('tệp không phải JSON');
  }
  if (text !== `${canonicalJson(bundle as unknown as JsonValue)}\n`) return fail('tệp không còn ở dạng chuẩn tắc (canonical) như khi được ghi: tệp đã bị sửa');
  // The file is untrusted: a field the type promises may be missing or of another kind.
  const format: unknown = bundle.format;
  if (format !== BUNDLE_FORMAT) return fail(`định dạng không xác định ${String(format)}`);
  const bundleKeys = new Map<string, KeyObject>();
  const witnesses = new Map<string, KeyObject>();
  for (const k of (bundle.publicKeys as EvidenceBundle['publicKeys'] | undefined) ?? []) {
    let key: KeyObject;
    try {
      key = publicKeyFromPem(k.publicKeyPem);
    } catch {
      return fail(`khóa công khai ${k.keyId} không phải khóa Ed25519`);
    }
    if (keyIdOf(key) !== k.keyId) return fail(`khóa công khai ghi là ${k.keyId} lại có keyId ${keyIdOf(key)}`);
    (k.role === 'witness' ? witnesses : bundleKeys).set(k.keyId, key);
  }
  let trusted = bundleKeys;
  if (pinnedPem !== undefined) {
    const pinned = publicKeyFromPem(pinnedPem);
    trusted = new Map([[keyIdOf(pinned), pinned]]);
    lines.push(`ok   khóa đã ghim (pinned) ${keyIdOf(pinned)}`);
  } else {
    lines.push(`WARN khóa chưa được ghim (unpinned): đang tin khóa do chính gói bằng chứng mang theo ${(bundle.checkpoint as EvidenceBundle['checkpoint'] | undefined)?.keyId ?? '?'}; dùng --public-key với khóa của sổ cái để chứng minh nguồn gốc`);
  }
  const { checkpoint } = bundle;
  const problem = checkpointProblem(checkpoint, trusted, witnesses);
  if (problem) return fail(`điểm kiểm tra ${checkpoint.treeSize}: ${problem.vi}`, { checkpointKeyId: checkpoint.keyId });
  lines.push(`ok   điểm kiểm tra ${checkpoint.origin} kích thước ${checkpoint.treeSize} gốc ${checkpoint.rootHash} ký bởi ${checkpoint.keyId}${checkpoint.cosignatures.map((c) => `, đồng ký bởi ${c.keyId}`).join('')}`);
  const root = Buffer.from(checkpoint.rootHash, 'hex');
  for (const { event, leafIndex, auditPath } of bundle.evidence) {
    const recomputed = chainHash(event.prevHash, event.revision, eventBody(event.stream, event.type, event.data, event.metadata));
    if (recomputed !== event.hash) return fail(`sự kiện ${event.eventId}: nội dung không băm ra ${event.hash}`);
    const path = auditPath.map((h) => Buffer.from(h, 'hex'));
    if (!verifyInclusion(leafIndex, checkpoint.treeSize, eventLeafHash(event.hash), path, root)) {
      return fail(`sự kiện ${event.eventId}: bằng chứng bao hàm (inclusion proof, lá ${leafIndex}) không dẫn tới gốc của điểm kiểm tra`);
    }
    lines.push(`ok   sự kiện ${event.eventId} ${event.type} (${event.stream} #${event.revision}) là lá (leaf) ${leafIndex} của điểm kiểm tra`);
  }
  const bundled = new Set(bundle.evidence.map((e) => e.event.eventId));
  const evidence = (bundle.finding.evidence ?? []) as { eventId: string }[];
  const absent = evidence.filter((e) => !bundled.has(e.eventId));
  if (absent.length > 0) return fail(`phát hiện nêu bằng chứng không có trong gói: ${absent.map((e) => e.eventId).join(', ')}`);
  const { bundleSignature, ...unsigned } = bundle;
  const bundleKey = trusted.get(bundle.bundleKeyId);
  if (!bundleKey || !verifyNoteSignature(canonicalJson(unsigned as unknown as JsonValue), bundleSignature, bundleKey)) {
    return fail(`chữ ký của gói bằng khóa ${bundle.bundleKeyId} không hợp lệ${bundleKey ? '' : ' (không phải khóa được tin cậy)'}`);
  }
  const findingId = bundle.finding.id;
  lines.push(`ok   phát hiện ${typeof findingId === 'string' ? findingId : JSON.stringify(findingId)} và toàn bộ tệp được ký bởi ${bundle.bundleKeyId}`);
  return { ok: true, lines, pinned: pinnedPem !== undefined, checkpointKeyId: checkpoint.keyId };
}

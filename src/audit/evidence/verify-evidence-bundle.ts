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
  /** What was checked, one line each, in the order checked. */
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
    return { ok: false, lines: [`FAIL the bundle is malformed: ${error instanceof Error ? error.message : String(error)}`], pinned: pinnedPem !== undefined };
  }
}

function check(text: string, pinnedPem?: string): BundleVerdict {
  const lines: string[] = [];
  const fail = (line: string, extra: Partial<BundleVerdict> = {}): BundleVerdict => ({ ok: false, lines: [...lines, `FAIL ${line}`], pinned: pinnedPem !== undefined, ...extra });
  let bundle: EvidenceBundle;
  try {
    bundle = JSON.parse(text) as EvidenceBundle;
  } catch {
    return fail('the file is not JSON');
  }
  if (text !== `${canonicalJson(bundle as unknown as JsonValue)}\n`) return fail('the file is not in the canonical form it was written in: it was edited');
  // The file is untrusted: a field the type promises may be missing or of another kind.
  const format: unknown = bundle.format;
  if (format !== BUNDLE_FORMAT) return fail(`unknown format ${String(format)}`);
  const bundleKeys = new Map<string, KeyObject>();
  const witnesses = new Map<string, KeyObject>();
  for (const k of (bundle.publicKeys as EvidenceBundle['publicKeys'] | undefined) ?? []) {
    let key: KeyObject;
    try {
      key = publicKeyFromPem(k.publicKeyPem);
    } catch {
      return fail(`public key ${k.keyId} is not an Ed25519 key`);
    }
    if (keyIdOf(key) !== k.keyId) return fail(`public key listed as ${k.keyId} has keyId ${keyIdOf(key)}`);
    (k.role === 'witness' ? witnesses : bundleKeys).set(k.keyId, key);
  }
  let trusted = bundleKeys;
  if (pinnedPem !== undefined) {
    const pinned = publicKeyFromPem(pinnedPem);
    trusted = new Map([[keyIdOf(pinned), pinned]]);
    lines.push(`ok   pinned key ${keyIdOf(pinned)}`);
  } else {
    lines.push(`WARN key unpinned: trusting the bundle's own key ${(bundle.checkpoint as EvidenceBundle['checkpoint'] | undefined)?.keyId ?? '?'}; pass --public-key with the ledger's key to prove the origin`);
  }
  const { checkpoint } = bundle;
  const problem = checkpointProblem(checkpoint, trusted, witnesses);
  if (problem) return fail(`checkpoint ${checkpoint.treeSize}: ${problem}`, { checkpointKeyId: checkpoint.keyId });
  lines.push(`ok   checkpoint ${checkpoint.origin} size ${checkpoint.treeSize} root ${checkpoint.rootHash} signed by ${checkpoint.keyId}${checkpoint.cosignatures.map((c) => `, cosigned by ${c.keyId}`).join('')}`);
  const root = Buffer.from(checkpoint.rootHash, 'hex');
  for (const { event, leafIndex, auditPath } of bundle.evidence) {
    const recomputed = chainHash(event.prevHash, event.revision, eventBody(event.stream, event.type, event.data, event.metadata));
    if (recomputed !== event.hash) return fail(`event ${event.eventId}: its content does not hash to ${event.hash}`);
    const path = auditPath.map((h) => Buffer.from(h, 'hex'));
    if (!verifyInclusion(leafIndex, checkpoint.treeSize, eventLeafHash(event.hash), path, root)) {
      return fail(`event ${event.eventId}: its inclusion proof (leaf ${leafIndex}) does not lead to the checkpoint's root`);
    }
    lines.push(`ok   event ${event.eventId} ${event.type} (${event.stream} #${event.revision}) is leaf ${leafIndex} of the checkpoint`);
  }
  const bundled = new Set(bundle.evidence.map((e) => e.event.eventId));
  const evidence = (bundle.finding.evidence ?? []) as { eventId: string }[];
  const absent = evidence.filter((e) => !bundled.has(e.eventId));
  if (absent.length > 0) return fail(`the finding names evidence not in the bundle: ${absent.map((e) => e.eventId).join(', ')}`);
  const { bundleSignature, ...unsigned } = bundle;
  const bundleKey = trusted.get(bundle.bundleKeyId);
  if (!bundleKey || !verifyNoteSignature(canonicalJson(unsigned as unknown as JsonValue), bundleSignature, bundleKey)) {
    return fail(`the bundle's signature by ${bundle.bundleKeyId} does not verify${bundleKey ? '' : ' (not the trusted key)'}`);
  }
  const findingId = bundle.finding.id;
  lines.push(`ok   finding ${typeof findingId === 'string' ? findingId : JSON.stringify(findingId)} and the whole file signed by ${bundle.bundleKeyId}`);
  return { ok: true, lines, pinned: pinnedPem !== undefined, checkpointKeyId: checkpoint.keyId };
}

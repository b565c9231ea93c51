import { createHash, createPublicKey, KeyObject, sign, verify } from 'node:crypto';

/**
 * The signed statement of a checkpoint (API.md "Tamper evidence"): a C2SP tlog-checkpoint body,
 * `<origin>\n<treeSize>\n<base64 root hash>\n`, signed with Ed25519 over its UTF-8 bytes. Outsiders
 * re-implement this, so it is kept to exactly those bytes: no extension lines.
 */
export function formatNote(origin: string, treeSize: number, rootHash: Buffer): string {
  return `${origin}\n${treeSize}\n${rootHash.toString('base64')}\n`;
}

export interface ParsedNote {
  origin: string;
  treeSize: number;
  rootHash: Buffer;
}

/** The note's three lines, or undefined when it is not one (a reader must not guess). */
export function parseNote(note: string): ParsedNote | undefined {
  const match = /^([^\n]+)\n(0|[1-9]\d*)\n([A-Za-z0-9+/]{43}=)\n$/.exec(note);
  if (!match) return undefined;
  const treeSize = Number(match[2]);
  if (!Number.isSafeInteger(treeSize)) return undefined;
  return { origin: match[1], treeSize, rootHash: Buffer.from(match[3], 'base64') };
}

/** keyId = hex of the first 8 bytes of SHA-256 over the raw 32-byte Ed25519 public key. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(rawPublicKey(publicKey)).digest().subarray(0, 8).toString('hex');
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  const { x } = publicKey.export({ format: 'jwk' });
  if (publicKey.asymmetricKeyType !== 'ed25519' || !x) throw new Error('not an Ed25519 public key');
  return Buffer.from(x, 'base64url');
}

/** base64 Ed25519 signature over the note's UTF-8 bytes. */
export function signNote(note: string, privateKey: KeyObject): string {
  return sign(null, Buffer.from(note, 'utf8'), privateKey).toString('base64');
}

export function verifyNoteSignature(note: string, signatureBase64: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(note, 'utf8'), publicKey, Buffer.from(signatureBase64, 'base64'));
  } catch {
    return false;
  }
}

/** An Ed25519 public key from PEM (SPKI), or from a PKCS#8 private key's PEM. */
export function publicKeyFromPem(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the key is not Ed25519');
  return key;
}

export function publicKeyPem(publicKey: KeyObject): string {
  return publicKey.export({ format: 'pem', type: 'spki' }).toString();
}

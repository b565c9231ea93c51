import { createHash, hash } from 'node:crypto';

// One-shot `hash` rather than a createHash object per node: half the CPU for 33–65 bytes, and a
// full verification hashes two or three of these per event (bench: npm run bench -- checkpoints).
// Its digest comes out as a latin1 string ('binary', one character per byte), not as a Buffer: a Buffer
// made by the binding cost 1.6-2.5 µs a call with its garbage, a string 0.35-0.45 µs, and a
// Buffer copied from the string into Node's pool 0.75 µs (scratch loop of 1M 65-byte hashes).

/** A SHA-256 digest as a latin1 string: 32 characters, each one byte (the tree keeps its nodes so). */
export type Digest = string;

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ leaf data); the leaf data is the event's 32-byte hash. */
export function hashLeaf(data: Buffer): Buffer {
  return Buffer.from(hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'binary'), 'latin1');
}

// Node inputs are laid out in one buffer reused by every call (hash copies nothing out of it):
// a verification makes two or three of these per event, and this spares each its Buffer.concat.
const NODE_INPUT = Buffer.alloc(65, 1);
const LEAF_INPUT = Buffer.alloc(33, 0);
const HASH_BYTES = 32;

/** RFC 9162 §2.1.1: inner node = SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Buffer, right: Buffer): Buffer {
  return Buffer.from(childrenDigest(left, right), 'latin1');
}

/** hashChildren as a digest: for a caller that writes it into a buffer of its own (the verifier's pages). */
export function childrenDigest(left: Uint8Array, right: Uint8Array): Digest {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES) return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'binary');
  NODE_INPUT.set(left, 1);
  NODE_INPUT.set(right, 1 + HASH_BYTES);
  return hash('sha256', NODE_INPUT, 'binary');
}

/** hashChildren over digests. */
export function hashChildrenDigest(left: Digest, right: Digest): Digest {
  NODE_INPUT.write(left, 1, HASH_BYTES, 'latin1');
  NODE_INPUT.write(right, 1 + HASH_BYTES, HASH_BYTES, 'latin1');
  return hash('sha256', NODE_INPUT, 'binary');
}

/** The leaf hash of an event, from its hex `hash` (API.md: the hex decoded is the leaf data). */
export function eventLeafHash(eventHashHex: string): Buffer {
  return Buffer.from(eventLeafDigest(eventHashHex), 'latin1');
}

/** eventLeafHash as a digest. */
export function eventLeafDigest(eventHashHex: string): Digest {
  // Anything but 64 hex digits decodes to fewer bytes, as Buffer.from would.
  if (eventHashHex.length !== 2 * HASH_BYTES || LEAF_INPUT.write(eventHashHex, 1, 'hex') !== HASH_BYTES) {
    return hash('sha256', Buffer.concat([LEAF_PREFIX, Buffer.from(eventHashHex, 'hex')]), 'binary');
  }
  return hash('sha256', LEAF_INPUT, 'binary');
}

/** The root of the empty tree (RFC 9162: MTH({}) = SHA-256()). */
export const EMPTY_ROOT = createHash('sha256').digest();

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

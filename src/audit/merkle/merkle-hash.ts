import { createHash, hash } from 'node:crypto';

// One-shot `hash` rather than a createHash object per node: half the CPU for 33–65 bytes, and a
// full verification hashes two or three of these per event (bench: npm run bench -- checkpoints).

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ leaf data); the leaf data is the event's 32-byte hash. */
export function hashLeaf(data: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'buffer');
}

// Node inputs are laid out in one buffer reused by every call (hash copies nothing out of it):
// a verification makes two or three of these per event, and this spares each its Buffer.concat.
const NODE_INPUT = Buffer.alloc(65, 1);
const LEAF_INPUT = Buffer.alloc(33, 0);
const HASH_BYTES = 32;

/** RFC 9162 §2.1.1: inner node = SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Buffer, right: Buffer): Buffer {
  if (left.length !== HASH_BYTES || right.length !== HASH_BYTES) return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
  left.copy(NODE_INPUT, 1);
  right.copy(NODE_INPUT, 1 + HASH_BYTES);
  return hash('sha256', NODE_INPUT, 'buffer');
}

/** The leaf hash of an event, from its hex `hash` (API.md: the hex decoded is the leaf data). */
export function eventLeafHash(eventHashHex: string): Buffer {
  // Anything but 64 hex digits decodes to fewer bytes, as Buffer.from would.
  if (eventHashHex.length !== 2 * HASH_BYTES || LEAF_INPUT.write(eventHashHex, 1, 'hex') !== HASH_BYTES) return hashLeaf(Buffer.from(eventHashHex, 'hex'));
  return hash('sha256', LEAF_INPUT, 'buffer');
}

/** The root of the empty tree (RFC 9162: MTH({}) = SHA-256()). */
export const EMPTY_ROOT = createHash('sha256').digest();

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

import { createHash, hash } from 'node:crypto';

// One-shot `hash` rather than a createHash object per node: half the CPU for 33–65 bytes, and a
// full verification hashes two or three of these per event (bench: npm run bench -- checkpoints).

/** RFC 9162 §2.1.1: leaf hash = SHA-256(0x00 ‖ leaf data); the leaf data is the event's 32-byte hash. */
export function hashLeaf(data: Buffer): Buffer {
  return hash('sha256', Buffer.concat([LEAF_PREFIX, data]), 'buffer');
}

/** RFC 9162 §2.1.1: inner node = SHA-256(0x01 ‖ left ‖ right). */
export function hashChildren(left: Buffer, right: Buffer): Buffer {
  return hash('sha256', Buffer.concat([NODE_PREFIX, left, right]), 'buffer');
}

/** The leaf hash of an event, from its hex `hash` (API.md: the hex decoded is the leaf data). */
export function eventLeafHash(eventHashHex: string): Buffer {
  return hashLeaf(Buffer.from(eventHashHex, 'hex'));
}

/** The root of the empty tree (RFC 9162: MTH({}) = SHA-256()). */
export const EMPTY_ROOT = createHash('sha256').digest();

const LEAF_PREFIX = Buffer.from([0]);
const NODE_PREFIX = Buffer.from([1]);

import type { Sql } from '../merkle/sql';
import { consistencyPath, inclusionPath, sizeAndLeafIndex, treeSize } from '../merkle/stored-tree';
import { EventNotInTree, ProofOutOfRange } from '../audit.errors';

export interface InclusionProof {
  eventId: string;
  leafIndex: number;
  treeSize: number;
  leafHash: string;
  auditPath: string[];
}

export interface ConsistencyProof {
  from: number;
  to: number;
  proof: string[];
}

/** RFC 9162 inclusion proof of an event in the tree of `size` leaves (API.md). */
export async function inclusionProof(db: Sql, eventId: string, size: number): Promise<InclusionProof> {
  // Two round trips, not three: under load each one waits its turn for a core (bench: npm run bench -- checkpoints).
  const { size: have, leafIndex } = await sizeAndLeafIndex(db, eventId);
  assertSizeWithin(size, have);
  if (leafIndex === undefined || leafIndex >= size) throw new EventNotInTree(eventId, size);
  const { leafHash, path } = await inclusionPath(db, leafIndex, size);
  return { eventId, leafIndex, treeSize: size, leafHash: leafHash.toString('hex'), auditPath: path.map((h) => h.toString('hex')) };
}

/** RFC 9162 consistency proof between two tree sizes (API.md). */
export async function consistencyProof(db: Sql, from: number, to: number): Promise<ConsistencyProof> {
  if (from < 1 || from > to) throw new ProofOutOfRange('A consistency proof needs 1 ≤ from ≤ to', { from, to });
  await assertTreeHas(db, to);
  return { from, to, proof: (await consistencyPath(db, from, to)).map((h) => h.toString('hex')) };
}

async function assertTreeHas(db: Sql, size: number): Promise<void> {
  assertSizeWithin(size, (await treeSize(db)).size);
}

function assertSizeWithin(size: number, have: number): void {
  if (size < 1 || size > have) throw new ProofOutOfRange(`The tree has ${have} leaves; a proof can be asked for sizes 1…${have}`, { treeSize: size, have });
}

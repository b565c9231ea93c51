import type { Sql } from '../merkle/sql';
import type { SignedCheckpoint } from './checkpoint';

interface Row {
  origin: string;
  tree_size: string;
  root_hash: string;
  note: string;
  signature: string;
  key_id: string;
  cosignatures: { keyId: string; signature: string }[];
  created_at: Date;
}

const SELECT = 'SELECT origin, tree_size, root_hash, note, signature, key_id, cosignatures, created_at FROM merkle_checkpoints';

export async function latestCheckpoint(db: Sql): Promise<SignedCheckpoint | undefined> {
  const rows = (await db.query(`${SELECT} ORDER BY tree_size DESC LIMIT 1`)) as Row[];
  return rows[0] && toCheckpoint(rows[0]);
}

export async function checkpointOfSize(db: Sql, treeSize: number): Promise<SignedCheckpoint | undefined> {
  const rows = (await db.query(`${SELECT} WHERE tree_size = $1`, [treeSize])) as Row[];
  return rows[0] && toCheckpoint(rows[0]);
}

/** The first checkpoint that covers the leaf (its size is above the index). */
export async function checkpointCovering(db: Sql, leafIndex: number): Promise<SignedCheckpoint | undefined> {
  const rows = (await db.query(`${SELECT} WHERE tree_size > $1 ORDER BY tree_size DESC LIMIT 1`, [leafIndex])) as Row[];
  return rows[0] && toCheckpoint(rows[0]);
}

function toCheckpoint(row: Row): SignedCheckpoint {
  return {
    origin: row.origin,
    treeSize: Number(row.tree_size),
    rootHash: row.root_hash,
    note: row.note,
    signature: row.signature,
    keyId: row.key_id,
    cosignatures: row.cosignatures,
    createdAt: row.created_at.toISOString(),
  };
}

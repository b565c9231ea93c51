import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The Merkle tree over the global log (API.md "Tamper evidence"), kept by the checkpointer's tree
 * projection: every perfect subtree's hash, so any root or proof is the fold of O(log n) stored
 * nodes read in one query; each event's leaf index; the tree's size; and the signed checkpoints
 * and cosignatures as read from `audit-checkpoints`. All of it is derived from the log and can be
 * rebuilt from it; verification never trusts it, it recomputes from the events.
 */
export class MerkleTree1763900000050 implements MigrationInterface {
  name = 'MerkleTree1763900000050';

  async up(q: QueryRunner): Promise<void> {
    // (level, idx): the subtree over leaves [idx·2^level, (idx+1)·2^level); level 0 holds the leaf hashes.
    await q.query(`CREATE TABLE merkle_nodes (level smallint NOT NULL, idx bigint NOT NULL, hash bytea NOT NULL, PRIMARY KEY (level, idx))`);
    await q.query(`CREATE TABLE merkle_leaves (event_id uuid PRIMARY KEY, leaf_index bigint NOT NULL)`);
    // One row: how many leaves, and the last one that is not a checkpoint's own event.
    await q.query(`
      CREATE TABLE merkle_tree_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        size bigint NOT NULL,
        last_content_leaf bigint NOT NULL
      )`);
    await q.query(`
      CREATE TABLE merkle_checkpoints (
        tree_size bigint PRIMARY KEY,
        origin text NOT NULL,
        root_hash char(64) NOT NULL,
        note text NOT NULL,
        signature text NOT NULL,
        key_id text NOT NULL,
        cosignatures jsonb NOT NULL DEFAULT '[]',
        event_id uuid NOT NULL,
        created_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE merkle_checkpoints`);
    await q.query(`DROP TABLE merkle_tree_state`);
    await q.query(`DROP TABLE merkle_leaves`);
    await q.query(`DROP TABLE merkle_nodes`);
  }
}

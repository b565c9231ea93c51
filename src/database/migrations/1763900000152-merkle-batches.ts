import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MERKLE_BATCH_LEAVES as this migration was written: the rows it makes stay what they were if that changes. */
const LEAVES_PER_ROW = 256;

/**
 * Nothing is stored per leaf any more (src/audit/merkle/merkle-batches.ts): `merkle_leaves` (a row
 * per event) gives way to `merkle_batches`, a row per run of up to 256 consecutive
 * leaves naming the range of the log it covers, and level 0 of `merkle_nodes` goes, a leaf's hash
 * being its event's. Up cuts the leaves already there into rows of that many, each range ending at
 * its last leaf's event and starting after the row before's. Down numbers the events of those
 * ranges again and hashes each leaf in SQL as the tree does (SHA-256(0x00 ‖ event hash)).
 */
export class MerkleBatches1763900000152 implements MigrationInterface {
  name = 'MerkleBatches1763900000152';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE merkle_batches (
        first_leaf bigint PRIMARY KEY,
        leaves int NOT NULL,
        after_tx xid8 NOT NULL,
        after_position bigint NOT NULL,
        last_tx xid8 NOT NULL,
        last_position bigint NOT NULL
      )`);
    await q.query('CREATE INDEX merkle_batches_last ON merkle_batches (last_tx, last_position)');
    await q.query(
      `INSERT INTO merkle_batches
       SELECT first_leaf, leaves, COALESCE(lag(tx_id) OVER w, '0'::xid8), COALESCE(lag(global_position) OVER w, 0), tx_id, global_position
       FROM (SELECT DISTINCT ON (l.leaf_index / $1) l.leaf_index / $1 * $1 AS first_leaf, l.leaf_index % $1 + 1 AS leaves, e.tx_id, e.global_position
             FROM merkle_leaves l JOIN events e USING (global_position) ORDER BY l.leaf_index / $1, l.leaf_index DESC) last_of_each
       WINDOW w AS (ORDER BY first_leaf)`,
      [LEAVES_PER_ROW],
    );
    await q.query('DROP TABLE merkle_leaves');
    await q.query('DELETE FROM merkle_nodes WHERE level = 0');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE TABLE merkle_leaves (global_position bigint PRIMARY KEY, leaf_index bigint NOT NULL)');
    await q.query(
      `INSERT INTO merkle_leaves
       SELECT e.global_position, b.first_leaf + row_number() OVER (PARTITION BY b.first_leaf ORDER BY e.tx_id, e.global_position) - 1
       FROM merkle_batches b JOIN events e
         ON (e.tx_id, e.global_position) > (b.after_tx, b.after_position) AND (e.tx_id, e.global_position) <= (b.last_tx, b.last_position)`,
    );
    await q.query(
      `INSERT INTO merkle_nodes (level, idx, hash)
       SELECT 0, l.leaf_index, sha256('\\x00'::bytea || decode(e.hash, 'hex')) FROM merkle_leaves l JOIN events e USING (global_position)`,
    );
    await q.query('DROP TABLE merkle_batches');
  }
}

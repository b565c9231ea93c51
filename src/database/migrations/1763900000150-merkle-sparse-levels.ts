import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `merkle_nodes` keeps the leaves and the levels from 4 up (src/audit/merkle/stored-levels.ts):
 * levels 1–3 are recomputed from at most 8 leaf hashes when a proof needs them. The rows already
 * there at those levels go; every other row stays valid as it is. Down puts them back, computed
 * in SQL from the level below exactly as the tree computes them (SHA-256(0x01 ‖ left ‖ right)).
 */
export class MerkleSparseLevels1763900000150 implements MigrationInterface {
  name = 'MerkleSparseLevels1763900000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DELETE FROM merkle_nodes WHERE level BETWEEN 1 AND 3');
  }

  async down(q: QueryRunner): Promise<void> {
    for (let level = 1; level <= 3; level += 1) {
      await q.query(
        `INSERT INTO merkle_nodes (level, idx, hash)
         SELECT $1::smallint, l.idx / 2, sha256('\\x01'::bytea || l.hash || r.hash)
         FROM merkle_nodes l JOIN merkle_nodes r ON r.level = l.level AND r.idx = l.idx + 1
         WHERE l.level = $1::smallint - 1 AND l.idx % 2 = 0`,
        [level],
      );
    }
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Where each projection has read the log up to; written in the same transaction as its rows. */
export class ProjectionCheckpoints1763900000001 implements MigrationInterface {
  name = 'ProjectionCheckpoints1763900000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE projection_checkpoints (
        name text PRIMARY KEY,
        commit_position numeric(20) NOT NULL,
        prepare_position numeric(20) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE projection_checkpoints`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which snapshot of each registry is current, as the operator chose it, instead of "the newest
 * active one": an import with rejected rows no longer replaces a good snapshot by itself, and
 * `noxh registry use` (or re-importing a file) can go back to an earlier one.
 */
export class CurrentRegistrySnapshots1763900000046 implements MigrationInterface {
  name = 'CurrentRegistrySnapshots1763900000046';

  async up(q: QueryRunner): Promise<void> {
    // The pair is what the pointer references, so a land snapshot can never be the population's.
    await q.query(`ALTER TABLE registry_snapshots ADD CONSTRAINT registry_snapshots_kind_id UNIQUE (kind, id)`);
    await q.query(`
      CREATE TABLE registry_current (
        kind text PRIMARY KEY,
        snapshot_id bigint NOT NULL,
        since timestamptz NOT NULL DEFAULT now(),
        FOREIGN KEY (kind, snapshot_id) REFERENCES registry_snapshots (kind, id)
      )`);
    // What lookups read until now stays what they read.
    await q.query(`
      INSERT INTO registry_current (kind, snapshot_id)
      SELECT DISTINCT ON (kind) kind, id FROM registry_snapshots WHERE active ORDER BY kind, id DESC`);
    await q.query(`DROP INDEX registry_snapshots_latest`);
    await q.query(`ALTER TABLE registry_snapshots DROP COLUMN active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE registry_snapshots ADD COLUMN active boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE registry_snapshots s SET active = true FROM registry_current c WHERE c.snapshot_id = s.id`);
    await q.query(`CREATE INDEX registry_snapshots_latest ON registry_snapshots (kind, id DESC) WHERE active`);
    await q.query(`DROP TABLE registry_current`);
    await q.query(`ALTER TABLE registry_snapshots DROP CONSTRAINT registry_snapshots_kind_id`);
  }
}

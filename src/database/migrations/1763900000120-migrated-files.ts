import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The paper register a file was migrated from (ApplicationSubmitted.migratedFrom, `noxh import
 * applications --historical`): the backdating detector reads it so decisions from before the
 * migration are history, not late entries. NULL for files received through the normal path.
 */
export class MigratedFiles1763900000120 implements MigrationInterface {
  name = 'MigratedFiles1763900000120';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_applications ADD COLUMN migrated_from text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_applications DROP COLUMN migrated_from`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Since when a file's police checks have failed without a clean one between (ISO text as recorded,
 * like recorded_at): the registry-mismatch detector keeps an "eligible after a failed check"
 * finding open across failing re-checks. Rows written before stay null, which the projection
 * reads as "since this check", what it judged them by until now; a rebuild fills them exactly.
 */
export class PopulationCheckFailingSince1763900000170 implements MigrationInterface {
  name = 'PopulationCheckFailingSince1763900000170';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_population_checks ADD COLUMN failing_since text');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE rm_population_checks DROP COLUMN failing_since');
  }
}

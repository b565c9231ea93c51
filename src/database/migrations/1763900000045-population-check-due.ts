import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which open files await a police check (none yet, or the household changed since): the list
 * `POST /population/checks` without ids sweeps, read per province from a small partial index.
 */
export class PopulationCheckDue1763900000045 implements MigrationInterface {
  name = 'PopulationCheckDue1763900000045';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_applications ADD COLUMN population_check_due boolean NOT NULL DEFAULT true`);
    await q.query(`UPDATE rm_applications a SET population_check_due = false FROM rm_population_checks c WHERE c.application_id = a.application_id`);
    await q.query(`CREATE INDEX rm_applications_check_due ON rm_applications (province_code, application_id) WHERE population_check_due AND status = 'open'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE rm_applications DROP COLUMN population_check_due`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What detectors 5 (allocation-without-eligibility) and 11 (backdating) need beyond the latest
 * state of a file: every decision and allocation it ever received with its stated and recorded
 * dates (a backdated record stays evidence after a later one supersedes it), the last revocation of
 * its allocation, and the eligibility a unit's allocation rested on at the moment it was recorded
 * (later decisions must not rewrite that moment). All rebuilt from the log by the `ledger` projection.
 */
export class DecisionAndAllocationHistory1763900000013 implements MigrationInterface {
  name = 'DecisionAndAllocationHistory1763900000013';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_applications
        ADD COLUMN decision_history jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN allocation_history jsonb NOT NULL DEFAULT '[]'::jsonb,
        ADD COLUMN last_revocation jsonb`);
    await q.query(`ALTER TABLE rm_units ADD COLUMN allocation_basis jsonb`);
    await q.query(`CREATE INDEX rm_units_application ON rm_units (application_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_units_application`);
    await q.query(`ALTER TABLE rm_units DROP COLUMN allocation_basis`);
    await q.query(`ALTER TABLE rm_applications DROP COLUMN decision_history, DROP COLUMN allocation_history, DROP COLUMN last_revocation`);
  }
}

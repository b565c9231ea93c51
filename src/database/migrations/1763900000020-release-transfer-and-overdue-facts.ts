import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What detectors 7 (early-resale), 10 (land-fund-shortfall) and 12 (over-allocation) need beyond
 * the latest state: the events that released a project's units and each unit, the handover that
 * started a unit's resale restriction, every transfer of a unit with the facts it was judged by at
 * the moment it was recorded, allocations of units never released, and the event at which the
 * ledger first saw a land-fund obligation past its due date. All rebuilt from the log by `ledger`.
 */
export class ReleaseTransferAndOverdueFacts1763900000020 implements MigrationInterface {
  name = 'ReleaseTransferAndOverdueFacts1763900000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE rm_projects
        ADD COLUMN release_event_ids uuid[] NOT NULL DEFAULT '{}',
        ADD COLUMN unreleased_allocations jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`
      ALTER TABLE rm_units
        ADD COLUMN release_event_id uuid,
        ADD COLUMN handover_event_id uuid,
        ADD COLUMN transfers jsonb NOT NULL DEFAULT '[]'::jsonb`);
    await q.query(`ALTER TABLE rm_land_fund ADD COLUMN overdue_event_id uuid, ADD COLUMN overdue_seen_at text`);
    // Every event asks "which open obligations are past due now?": only the few not yet seen overdue are indexed.
    await q.query(`CREATE INDEX rm_land_fund_awaiting_due ON rm_land_fund (due_date) WHERE NOT discharged AND overdue_event_id IS NULL`);
    await q.query(`CREATE INDEX rm_land_fund_overdue_event ON rm_land_fund (overdue_event_id) WHERE overdue_event_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX rm_land_fund_overdue_event`);
    await q.query(`DROP INDEX rm_land_fund_awaiting_due`);
    await q.query(`ALTER TABLE rm_land_fund DROP COLUMN overdue_event_id, DROP COLUMN overdue_seen_at`);
    await q.query(`ALTER TABLE rm_units DROP COLUMN release_event_id, DROP COLUMN handover_event_id, DROP COLUMN transfers`);
    await q.query(`ALTER TABLE rm_projects DROP COLUMN release_event_ids, DROP COLUMN unreleased_allocations`);
  }
}

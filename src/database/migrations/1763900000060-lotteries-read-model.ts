import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lotteries as the ledger projection folds them (rm_lotteries), for the lottery-integrity
 * detector: who was eligible at the opening beside who was frozen as an entrant, and the
 * allocations of the project recorded before the draw. Rebuilt from the log like every read model.
 */
export class LotteriesReadModel1763900000060 implements MigrationInterface {
  name = 'LotteriesReadModel1763900000060';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_lotteries (
        lottery_id text PRIMARY KEY,
        project_id text NOT NULL,
        province_code text NOT NULL,
        status text NOT NULL,
        entrants jsonb NOT NULL,
        opened_event_id uuid NOT NULL,
        drawn_event_id uuid,
        eligible_at_opening jsonb NOT NULL,
        allocations_before_draw jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX rm_lotteries_project ON rm_lotteries (project_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_lotteries`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** The latest police check of each file: what the registry-mismatch detector judges. */
export class PopulationChecksReadModel1763900000004 implements MigrationInterface {
  name = 'PopulationChecksReadModel1763900000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE rm_population_checks (
        application_id text PRIMARY KEY,
        event_id uuid NOT NULL,
        checked_at text NOT NULL,
        -- ISO text as recorded (millisecond precision), compared with decisions' recordedAt.
        recorded_at text NOT NULL,
        persons jsonb NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE rm_population_checks`);
  }
}

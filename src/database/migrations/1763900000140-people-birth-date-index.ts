import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The ledger projection reads the people born on a day (the fuzzy identity block) from the table
 * once they no longer all fit in memory: one `= ANY($1)` query per batch, which needs this index.
 */
export class PeopleBirthDateIndex1763900000140 implements MigrationInterface {
  name = 'PeopleBirthDateIndex1763900000140';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX rm_people_birth_date ON rm_people (date_of_birth)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX rm_people_birth_date');
  }
}

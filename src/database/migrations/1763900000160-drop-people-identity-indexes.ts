import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * No query of the service reads `rm_people` by name or by birth date any more: the ledger
 * projection keeps every declaration's identity in memory (projections/engine/identity-index.ts)
 * and loads it at a start with a sequential scan. The two indexes only cost writes: inserting the
 * 523,000 people of the 1M-event bench ledger took 6.7–7.4 s with them and 2.6–2.7 s without.
 */
export class DropPeopleIdentityIndexes1763900000160 implements MigrationInterface {
  name = 'DropPeopleIdentityIndexes1763900000160';

  async up(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX IF EXISTS rm_people_birth_date');
    await q.query('DROP INDEX IF EXISTS rm_people_name');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX rm_people_name ON rm_people (name_norm, date_of_birth)');
    await q.query('CREATE INDEX rm_people_birth_date ON rm_people (date_of_birth)');
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Detectors look up the open findings that cite a stream on every event of it: a GIN index serves `streams @> ARRAY[…]`. */
export class FindingsStreamsIndex1763900000006 implements MigrationInterface {
  name = 'FindingsStreamsIndex1763900000006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX findings_streams ON findings USING gin (streams)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX findings_streams`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first response to each (caller, Idempotency-Key): a repeat gets it back and writes nothing.
 * A NULL response marks a request still running: the key is claimed before the work starts.
 */
export class HttpIdempotency1763900000002 implements MigrationInterface {
  name = 'HttpIdempotency1763900000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE http_idempotency (
        actor_subject text NOT NULL,
        key text NOT NULL,
        request_hash char(64) NOT NULL,
        response jsonb,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (actor_subject, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE http_idempotency`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * noxh_append, second version (bench: `npm run bench -- event-store`):
 * - no pg_notify inside the append: NOTIFY takes one database-wide lock at commit and holds it
 *   until the commit is flushed, so every append waited for the one before it; the store now
 *   announces after commit instead (postgres-event-store.ts);
 * - each stream's tip is read from `events` itself, so the per-append upsert of event_streams goes;
 * - the result is built once at the end instead of growing a jsonb value per event.
 */
export class AppendWithoutNotify1763900000005 implements MigrationInterface {
  name = 'AppendWithoutNotify1763900000005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE OR REPLACE FUNCTION noxh_append(p_batches jsonb, p_idempotency_key text, p_fingerprint text)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        b jsonb; e jsonb; s text; exp text;
        cur_rev bigint; cur_hash text; rev bigint; h text; pos bigint;
        prior record;
        written jsonb[] := '{}';
      BEGIN
        -- Locks first, writes after. The log is read in transaction-id order, and a transaction
        -- gets its id at its first write; advisory locks need no id, so a writer that waited for
        -- a stream gets a higher id than the one it waited for, and each stream's revisions
        -- appear in the log in order. Key before streams, streams by name: no deadlock.
        IF p_idempotency_key IS NOT NULL THEN
          PERFORM pg_advisory_xact_lock(hashtextextended('idempotency:' || p_idempotency_key, 0));
          SELECT fingerprint, result INTO prior FROM event_store_idempotency WHERE key = p_idempotency_key;
          IF FOUND THEN
            IF prior.fingerprint <> p_fingerprint THEN
              RAISE EXCEPTION 'idempotency key reused' USING ERRCODE = 'NX002', DETAIL = p_idempotency_key;
            END IF;
            RETURN jsonb_build_object('events', prior.result, 'replayed', true);
          END IF;
        END IF;
        FOR s IN SELECT DISTINCT x->>'stream' FROM jsonb_array_elements(p_batches) x ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('stream:' || s, 0));
        END LOOP;

        FOR b IN SELECT * FROM jsonb_array_elements(p_batches) LOOP
          s := b->>'stream';
          exp := b->>'expected';
          SELECT stream_revision, hash INTO cur_rev, cur_hash FROM events WHERE stream_id = s ORDER BY stream_revision DESC LIMIT 1;
          IF NOT FOUND THEN
            cur_rev := -1;
            cur_hash := repeat('0', 64);
          END IF;
          IF (exp = 'no_stream' AND cur_rev <> -1)
             OR (exp = 'exists' AND cur_rev = -1)
             OR (exp NOT IN ('any', 'no_stream', 'exists') AND cur_rev <> exp::bigint) THEN
            RAISE EXCEPTION 'concurrency conflict on %', s USING ERRCODE = 'NX001',
              DETAIL = jsonb_build_object('stream', s, 'expected', exp, 'actual', cur_rev)::text;
          END IF;
          rev := cur_rev;
          FOR e IN SELECT * FROM jsonb_array_elements(b->'events') LOOP
            rev := rev + 1;
            h := encode(sha256(convert_to(cur_hash || ':' || rev || ':' || (e->>'body'), 'UTF8')), 'hex');
            INSERT INTO events (event_id, stream_id, stream_revision, type, data, metadata, recorded_at, prev_hash, hash)
            VALUES ((e->>'id')::uuid, s, rev, e->>'type', e->'data', e->'metadata',
                    (e->'metadata'->>'recordedAt')::timestamptz, cur_hash, h)
            RETURNING global_position INTO pos;
            written := array_append(written, jsonb_build_object('eventId', e->>'id', 'stream', s, 'revision', rev,
              'globalPosition', pos::text, 'commit', pg_current_xact_id()::text));
            cur_hash := h;
          END LOOP;
        END LOOP;

        IF p_idempotency_key IS NOT NULL THEN
          INSERT INTO event_store_idempotency (key, fingerprint, result) VALUES (p_idempotency_key, p_fingerprint, to_jsonb(written));
        END IF;
        RETURN jsonb_build_object('events', to_jsonb(written), 'replayed', false);
      END $$`);
    await q.query(`DROP TABLE event_streams`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE event_streams (stream_id text PRIMARY KEY, revision bigint NOT NULL, last_hash char(64) NOT NULL)`);
    await q.query(`
      INSERT INTO event_streams SELECT DISTINCT ON (stream_id) stream_id, stream_revision, hash FROM events
      ORDER BY stream_id, stream_revision DESC`);
    // noxh_append keeps this version: it needs no event_streams and sends no NOTIFY, both harmless here.
  }
}

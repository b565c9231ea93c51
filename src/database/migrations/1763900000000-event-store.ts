import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The event log. `noxh_append` does a whole (multi-stream) append in one statement and one round
 * trip: it locks the streams, checks the expected revisions, extends each stream's hash chain and
 * records the idempotency key.
 */
export class EventStore1763900000000 implements MigrationInterface {
  name = 'EventStore1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        tx_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id uuid NOT NULL UNIQUE,
        stream_id text NOT NULL,
        stream_revision bigint NOT NULL,
        type text NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        CONSTRAINT events_stream_revision UNIQUE (stream_id, stream_revision)
      )`);
    await q.query(`CREATE INDEX events_log_order ON events (tx_id, global_position)`);
    await q.query(`
      CREATE TABLE event_streams (
        stream_id text PRIMARY KEY,
        revision bigint NOT NULL,
        last_hash char(64) NOT NULL
      )`);
    await q.query(`
      CREATE TABLE event_store_idempotency (
        key text PRIMARY KEY,
        fingerprint text NOT NULL,
        result jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The log is append-only for everyone who goes through the database's rules; a superuser can
    // still bypass this, which is what the hash chain is for.
    await q.query(`
      CREATE FUNCTION noxh_events_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'events are immutable: % is not allowed', TG_OP USING ERRCODE = 'NX003';
      END $$`);
    await q.query(`
      CREATE TRIGGER events_immutable BEFORE UPDATE OR DELETE ON events
      FOR EACH ROW EXECUTE FUNCTION noxh_events_immutable()`);
    await q.query(`
      CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION noxh_events_immutable()`);
    await q.query(`
      CREATE FUNCTION noxh_append(p_batches jsonb, p_idempotency_key text, p_fingerprint text)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        b jsonb; e jsonb; s text; exp text;
        cur_rev bigint; cur_hash text; rev bigint; h text; pos bigint;
        prior record;
        written jsonb := '[]'::jsonb;
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
          SELECT revision, last_hash INTO cur_rev, cur_hash FROM event_streams WHERE stream_id = s;
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
            written := written || jsonb_build_object('eventId', e->>'id', 'stream', s, 'revision', rev,
              'globalPosition', pos::text, 'commit', pg_current_xact_id()::text);
            cur_hash := h;
          END LOOP;
          INSERT INTO event_streams (stream_id, revision, last_hash) VALUES (s, rev, cur_hash)
          ON CONFLICT (stream_id) DO UPDATE SET revision = EXCLUDED.revision, last_hash = EXCLUDED.last_hash;
        END LOOP;

        IF p_idempotency_key IS NOT NULL THEN
          INSERT INTO event_store_idempotency (key, fingerprint, result) VALUES (p_idempotency_key, p_fingerprint, written);
        END IF;
        PERFORM pg_notify('noxh_events', '');
        RETURN jsonb_build_object('events', written, 'replayed', false);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION noxh_append(jsonb, text, text)`);
    await q.query(`DROP TABLE event_store_idempotency`);
    await q.query(`DROP TABLE event_streams`);
    await q.query(`DROP TABLE events`);
    await q.query(`DROP FUNCTION noxh_events_immutable()`);
  }
}

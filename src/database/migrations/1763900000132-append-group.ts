import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `noxh_append_group`: the appends of concurrent requests in one call and one transaction, each
 * with its own outcome (`npm run bench -- http`). One commit, one WAL flush and one round trip
 * for a whole group instead of one per request.
 *
 * Every append keeps `noxh_append`'s semantics: its idempotency key (a repeat returns the first
 * result, another request under it is refused), its streams' expected revisions checked against
 * the tips as the earlier appends of the group left them, its events chained on those tips. An
 * append that fails a check writes nothing and reports why (NX001 / NX002, as `noxh_append`
 * raises them); the others are written. Every check of an append runs before its first write,
 * so no append is half-written: the adapter sends an append that names a stream twice alone,
 * through `noxh_append`, whose second check would otherwise see the first one's writes.
 *
 * Locks first, writes after, as in `noxh_append`: every key by key, then every stream by name.
 * `noxh_append` takes its one key, then its streams by name, so both follow one total order
 * (keys before streams) and cannot deadlock.
 */
export class AppendGroup1763900000132 implements MigrationInterface {
  name = 'AppendGroup1763900000132';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION noxh_append_group(p_appends jsonb)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        a jsonb; b jsonb; e jsonb; s text; k text; exp text;
        cur_rev bigint; cur_hash text; rev bigint; h text; pos bigint;
        prior record;
        conflict jsonb;
        written jsonb[];
        outcomes jsonb[] := '{}';
      BEGIN
        FOR k IN SELECT DISTINCT x->>'key' FROM jsonb_array_elements(p_appends) x WHERE x->>'key' IS NOT NULL ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('idempotency:' || k, 0));
        END LOOP;
        FOR s IN SELECT DISTINCT y->>'stream' FROM jsonb_array_elements(p_appends) x, jsonb_array_elements(x->'batches') y ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('stream:' || s, 0));
        END LOOP;

        FOR a IN SELECT * FROM jsonb_array_elements(p_appends) LOOP
          k := a->>'key';
          IF k IS NOT NULL THEN
            SELECT fingerprint, result INTO prior FROM event_store_idempotency WHERE key = k;
            IF FOUND THEN
              IF prior.fingerprint <> a->>'fingerprint' THEN
                outcomes := array_append(outcomes, jsonb_build_object('error', 'NX002'));
              ELSE
                outcomes := array_append(outcomes, jsonb_build_object('events', prior.result, 'replayed', true));
              END IF;
              CONTINUE;
            END IF;
          END IF;

          conflict := NULL;
          FOR b IN SELECT * FROM jsonb_array_elements(a->'batches') LOOP
            s := b->>'stream';
            exp := b->>'expected';
            SELECT stream_revision INTO cur_rev FROM events WHERE stream_id = s ORDER BY stream_revision DESC LIMIT 1;
            IF NOT FOUND THEN
              cur_rev := -1;
            END IF;
            IF (exp = 'no_stream' AND cur_rev <> -1)
               OR (exp = 'exists' AND cur_rev = -1)
               OR (exp NOT IN ('any', 'no_stream', 'exists') AND cur_rev <> exp::bigint) THEN
              conflict := jsonb_build_object('stream', s, 'expected', exp, 'actual', cur_rev);
              EXIT;
            END IF;
          END LOOP;
          IF conflict IS NOT NULL THEN
            outcomes := array_append(outcomes, jsonb_build_object('error', 'NX001', 'detail', conflict));
            CONTINUE;
          END IF;

          written := '{}';
          FOR b IN SELECT * FROM jsonb_array_elements(a->'batches') LOOP
            s := b->>'stream';
            SELECT stream_revision, hash INTO cur_rev, cur_hash FROM events WHERE stream_id = s ORDER BY stream_revision DESC LIMIT 1;
            IF NOT FOUND THEN
              cur_rev := -1;
              cur_hash := repeat('0', 64);
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
          IF k IS NOT NULL THEN
            INSERT INTO event_store_idempotency (key, fingerprint, result) VALUES (k, a->>'fingerprint', to_jsonb(written));
          END IF;
          outcomes := array_append(outcomes, jsonb_build_object('events', to_jsonb(written), 'replayed', false));
        END LOOP;
        RETURN to_jsonb(outcomes);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION noxh_append_group(jsonb)`);
  }
}

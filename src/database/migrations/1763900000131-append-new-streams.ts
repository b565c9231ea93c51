import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `noxh_append_new_streams`: many new single-event streams (expected revision 'no_stream') in one
 * statement, for bulk intake (`npm run bench -- import`). `noxh_append` does the same work one
 * event at a time in PL/pgSQL (a tip lookup, an INSERT and a jsonb result per event); here one
 * INSERT … SELECT writes the chunk.
 *
 * The same guarantees as `noxh_append`: every stream's advisory lock is taken first, by name, so
 * lock order agrees with `noxh_append` (no deadlock) and the transaction id comes after every wait.
 * A stream that already has an event, or repeats an earlier entry of the chunk, is not written and
 * comes back in `existing`; the others get revision 0, the genesis prev_hash and
 * hash = SHA-256(prev_hash ‖ ':0:' ‖ body), global positions in input order. What is stored is
 * parsed from the hashed body itself (type, data, metadata), so it cannot differ from what was hashed.
 * The bodies come as one JSON array: node-postgres escapes a text[] element by element in
 * JavaScript, JSON.stringify does it natively.
 */
export class AppendNewStreams1763900000131 implements MigrationInterface {
  name = 'AppendNewStreams1763900000131';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION noxh_append_new_streams(p_ids uuid[], p_streams text[], p_bodies json)
      RETURNS jsonb LANGUAGE plpgsql AS $$
      DECLARE
        s text;
        written jsonb;
      BEGIN
        FOR s IN SELECT DISTINCT x FROM unnest(p_streams) x ORDER BY 1 LOOP
          PERFORM pg_advisory_xact_lock(hashtextextended('stream:' || s, 0));
        END LOOP;

        WITH input AS (
          SELECT i.ord, i.id, i.stream, i.body
          FROM unnest(p_ids, p_streams, ARRAY(SELECT json_array_elements_text(p_bodies))) WITH ORDINALITY AS i(id, stream, body, ord)
        ), fresh AS (
          SELECT DISTINCT ON (stream) ord, id, stream, body, body::jsonb AS doc
          FROM input
          WHERE NOT EXISTS (SELECT 1 FROM events x WHERE x.stream_id = input.stream)
          ORDER BY stream, ord
        ), inserted AS (
          INSERT INTO events (event_id, stream_id, stream_revision, type, data, metadata, recorded_at, prev_hash, hash)
          SELECT id, stream, 0, doc->>'type', doc->'data', doc->'metadata', (doc->'metadata'->>'recordedAt')::timestamptz,
                 repeat('0', 64), encode(sha256(convert_to(repeat('0', 64) || ':0:' || body, 'UTF8')), 'hex')
          FROM fresh ORDER BY ord
          RETURNING stream_id, global_position
        )
        SELECT coalesce(jsonb_object_agg(stream_id, global_position::text), '{}'::jsonb) INTO written FROM inserted;

        -- Null when nothing was written: a chunk of existing streams takes no transaction id.
        RETURN jsonb_build_object('written', written, 'commit', pg_current_xact_id_if_assigned()::text);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION noxh_append_new_streams(uuid[], text[], json)`);
  }
}

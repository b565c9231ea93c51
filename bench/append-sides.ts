import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { Actor } from '../src/shared/actor';
import { systemClock } from '../src/shared/clock';
import { JsonObject } from '../src/shared/json';
import { AppendOnce } from './measure';

/** One side of the comparison: how it writes `perAppend` events to a new stream in one call. */
export interface Side {
  name: 'store' | 'plain';
  appendOnce(perAppend: number): AppendOnce;
}

const MAX_EVENT_BYTES = 1024 * 1024;
const CONSTANT_HASH = 'f'.repeat(64);
const GENESIS = '0'.repeat(64);

/** Three board officers of province 31, so actors vary like they do in one province's traffic. */
const actorOf = (writer: number): Actor => ({ subject: `board-31-officer-${writer % 3}`, role: 'board', province: '31' });

/**
 * Every append opens new streams (a submitted application starts its stream), so neither side
 * ever waits on another writer's stream lock or unique-key row: the comparison measures write
 * cost, not contention.
 */
function streamNames(): (writer: number, perAppend: number) => string {
  let sequence = 0;
  return (writer, perAppend) => `${perAppend === 1 ? 'application' : 'application-batch'}-${writer}-${sequence++}`;
}

export function storeSide(pool: Pool, payloads: JsonObject[]): Side {
  const store = new PostgresEventStore(pool, systemClock, MAX_EVENT_BYTES);
  const nextStream = streamNames();
  let next = 0;
  return {
    name: 'store',
    appendOnce: (perAppend) => async (writer) => {
      const events = Array.from({ length: perAppend }, () => ({ type: 'ApplicationSubmitted', data: payloads[next++ % payloads.length] }));
      const result = await store.append(nextStream(writer, perAppend), events, { expectedRevision: 'no_stream', actor: actorOf(writer) });
      return result.events.length;
    },
  };
}

/**
 * The floor: the same rows, one autocommit INSERT per append, nothing computed (no hash chain,
 * no revision check, no stream table, no NOTIFY). Metadata has the store's shape so jsonb sizes match.
 */
export function plainSide(pool: Pool, payloads: JsonObject[]): Side {
  const nextStream = streamNames();
  const statements = new Map<number, string>();
  let next = 0;
  return {
    name: 'plain',
    appendOnce: (perAppend) => async (writer) => {
      const stream = nextStream(writer, perAppend);
      const correlationId = randomUUID();
      const recordedAt = new Date().toISOString();
      const params: unknown[] = [];
      for (let revision = 0; revision < perAppend; revision++) {
        const eventId = randomUUID();
        const metadata = { eventId, correlationId, actor: actorOf(writer), recordedAt, schemaVersion: 1 };
        params.push(eventId, stream, revision, 'ApplicationSubmitted', JSON.stringify(payloads[next++ % payloads.length]),
          JSON.stringify(metadata), recordedAt, revision === 0 ? GENESIS : CONSTANT_HASH, CONSTANT_HASH);
      }
      let sql = statements.get(perAppend);
      if (!sql) {
        sql = insertSql(perAppend);
        statements.set(perAppend, sql);
      }
      await pool.query(sql, params);
      return perAppend;
    },
  };
}

export const PLAIN_TABLE = `CREATE TABLE plain_events (
  global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id uuid NOT NULL UNIQUE,
  stream_id text NOT NULL,
  stream_revision bigint NOT NULL,
  type text NOT NULL,
  data jsonb NOT NULL,
  metadata jsonb NOT NULL,
  recorded_at timestamptz NOT NULL,
  prev_hash char(64) NOT NULL,
  hash char(64) NOT NULL,
  UNIQUE (stream_id, stream_revision)
)`;

function insertSql(rows: number): string {
  const columns = 9;
  const values = Array.from({ length: rows }, (_, r) =>
    `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`);
  return `INSERT INTO plain_events (event_id, stream_id, stream_revision, type, data, metadata, recorded_at, prev_hash, hash)
    VALUES ${values.join(', ')}`;
}

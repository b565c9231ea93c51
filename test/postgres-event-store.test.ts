import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { fingerprint, prepareAppends } from '../src/event-store/prepare-events';
import { systemClock } from '../src/shared/clock';
import { eventStoreContract } from './event-store.contract';
import { eventually } from './support/eventually';
import { createTestDatabase, TestDatabase } from './support/test-database';

const MAX_EVENT_BYTES = 64 * 1024;
let db: TestDatabase;

eventStoreContract(
  'PostgreSQL',
  async () => {
    db = await createTestDatabase();
    const store = new PostgresEventStore(db.pool, systemClock, MAX_EVENT_BYTES);
    return {
      store,
      maxEventBytes: MAX_EVENT_BYTES,
      async beginLateAppend(stream, events) {
        const client = await db.pool.connect();
        await client.query('BEGIN');
        const appends = [{ stream, events, expectedRevision: 'any' as const }];
        const prepared = prepareAppends(appends, { actor: { subject: 'late', role: 'board' } }, new Date(), MAX_EVENT_BYTES);
        await store.appendWith(client, prepared, undefined, fingerprint(appends));
        return {
          async commit() {
            await client.query('COMMIT');
            client.release();
          },
        };
      },
      async tamper(stream, revision, data) {
        // What an operator with superuser access could do: bypass the immutability trigger.
        const client = await db.pool.connect();
        try {
          await client.query(`SET session_replication_role = replica`);
          await client.query(`UPDATE events SET data = $3 WHERE stream_id = $1 AND stream_revision = $2`, [stream, revision, data]);
        } finally {
          await client.query(`RESET session_replication_role`);
          client.release();
        }
      },
    };
  },
  () => db.drop(),
);

describe('PostgreSQL event log protections', () => {
  let own: TestDatabase;
  beforeAll(async () => {
    own = await createTestDatabase();
  });
  afterAll(() => own.drop());

  it('reads the log in numeric transaction order, also across a change in digit count (99 before 100)', async () => {
    // Transaction ids cannot be chosen, so two rows are planted with ids 100 and 99, below any
    // running transaction: a text sort would put '100' first and a reader would then skip 99.
    const row = (txId: string, stream: string) =>
      own.pool.query(
        `INSERT INTO events (tx_id, event_id, stream_id, stream_revision, type, data, metadata, recorded_at, prev_hash, hash)
         VALUES ($1::xid8, gen_random_uuid(), $2, 0, 'Planted', '{}', '{}', now(), repeat('0', 64), repeat('0', 64))`,
        [txId, stream],
      );
    await row('100', 'planted-100');
    await row('99', 'planted-99');
    const { events } = await new PostgresEventStore(own.pool, systemClock, MAX_EVENT_BYTES).readAll({ limit: 1 });
    expect(events.map((e) => [e.stream, e.position.commit])).toEqual([['planted-99', 99n]]);
  });

  it('names as head, to each of many concurrent writers, a position at or past its own write', async () => {
    const store = new PostgresEventStore(own.pool, systemClock, MAX_EVENT_BYTES);
    const actor = { subject: 't', role: 'admin' as const };
    const heads = await Promise.all(Array.from({ length: 40 }, async (_, i) => {
      const { events } = await store.append(`head-${String(i)}`, [{ type: 'A', data: { i } }], { expectedRevision: 'no_stream', actor });
      return { written: events[0].position, head: await store.headPosition() };
    }));
    for (const { written, head } of heads) expect(head.commit > written.commit || (head.commit === written.commit && head.prepare >= written.prepare)).toBe(true);
  });

  it('reads hashes written behind the store, not of 64 hex digits, as readAll does', async () => {
    const store = new PostgresEventStore(own.pool, systemClock, MAX_EVENT_BYTES);
    const actor = { subject: 't', role: 'admin' as const };
    const written = (await store.append('odd-hashes', ['A', 'B', 'C', 'D'].map((type) => ({ type, data: {} })), { expectedRevision: 'no_stream', actor })).events;
    const client = await own.pool.connect();
    try {
      // char(64): 'abc' comes back padded with blanks; 'é' is two bytes. Either shifts a hash cut at 64 characters.
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE events SET hash = 'abc' WHERE stream_id = 'odd-hashes' AND stream_revision = 1`);
      await client.query(`UPDATE events SET hash = 'é' || repeat('f', 63) WHERE stream_id = 'odd-hashes' AND stream_revision = 2`);
    } finally {
      await client.query(`RESET session_replication_role`);
      client.release();
    }
    const after = { commit: written[0].position.commit, prepare: written[0].position.prepare - 1n };
    const { events, next } = await store.readAll({ after, limit: 10 });
    const page = await store.readAllHashes({ after, limit: 10, wholeEventsOf: [] });
    expect(events.map((e) => e.hash)[1]).toBe(`abc${' '.repeat(61)}`);
    expect(Array.from({ length: page.length }, (_, i) => [page.hash(i), page.position(i)])).toEqual(events.map((e) => [e.hash, e.position]));
    expect(page.next).toEqual(next);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of recorded events', async () => {
    const store = new PostgresEventStore(own.pool, systemClock, MAX_EVENT_BYTES);
    await store.append('guarded-1', [{ type: 'A', data: {} }], { expectedRevision: 'any', actor: { subject: 't', role: 'admin' } });
    await expect(own.pool.query(`UPDATE events SET data = '{}'`)).rejects.toThrow(/immutable/);
    await expect(own.pool.query(`DELETE FROM events`)).rejects.toThrow(/immutable/);
    await expect(own.pool.query(`TRUNCATE events`)).rejects.toThrow(/immutable/);
    expect(await store.readStream('guarded-1')).toHaveLength(1);
  });

  it('keeps delivering when the server drops the subscription’s LISTEN connection', async () => {
    const store = new PostgresEventStore(own.pool, systemClock, MAX_EVENT_BYTES);
    const actor = { subject: 't', role: 'admin' as const };
    const [marker] = (await store.append('dropped-listen-marker', [{ type: 'Marker', data: {} }], { expectedRevision: 'any', actor })).events;
    const from = marker.position;
    const received: number[] = [];
    let failed: unknown;
    let sub: { stop(): Promise<void> } | undefined;
    const done = new Promise<void>((resolve) => {
      sub = store.subscribeToAll({
        after: from,
        onBatch: (events) => {
          received.push(...events.filter((e) => e.stream === 'dropped-listen').map((e) => e.data.i as number));
          if (received.length >= 2) resolve();
          return Promise.resolve();
        },
        onError: (error) => {
          failed = error;
          resolve();
        },
      });
    });
    const append = (i: number) => store.append('dropped-listen', [{ type: 'A', data: { i } }], { expectedRevision: 'any', actor });
    await append(0);
    // What a server restart or failover does to the idle LISTEN session.
    await eventually(async () => (await listeners()) > 0, 2000, 20);
    await own.pool.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
    await append(1);
    await done;
    await sub?.stop();
    expect(failed).toBeUndefined();
    expect(received).toEqual([0, 1]);
  });

  async function listeners(): Promise<number> {
    const { rows } = await own.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'`);
    return rows[0].n;
  }
});

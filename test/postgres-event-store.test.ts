import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { fingerprint, prepareAppends } from '../src/event-store/prepare-events';
import { systemClock } from '../src/shared/clock';
import { eventStoreContract } from './event-store.contract';
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

  it('refuses UPDATE, DELETE and TRUNCATE of recorded events', async () => {
    const store = new PostgresEventStore(own.pool, systemClock, MAX_EVENT_BYTES);
    await store.append('guarded-1', [{ type: 'A', data: {} }], { expectedRevision: 'any', actor: { subject: 't', role: 'admin' } });
    await expect(own.pool.query(`UPDATE events SET data = '{}'`)).rejects.toThrow(/immutable/);
    await expect(own.pool.query(`DELETE FROM events`)).rejects.toThrow(/immutable/);
    await expect(own.pool.query(`TRUNCATE events`)).rejects.toThrow(/immutable/);
    expect(await store.readStream('guarded-1')).toHaveLength(1);
  });
});

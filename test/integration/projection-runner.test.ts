import { DataSource, type EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../src/event-store/event-store.port';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../../src/shared/clock';
import type { Projection } from '../../projections/runner/projection';
import { ProjectionLocked, ProjectionRunner } from '../../projections/runner/projection-runner';
import { eventually } from '../support/eventually';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** Counts events per stream: an upsert, so applying an event twice would show as a wrong count. */
class StreamCounts implements Projection {
  readonly name = 'test-stream-counts';
  readonly tables = ['test_stream_counts'];
  failOn?: string;

  async apply(events: ReadSideEvent[], tx: EntityManager): Promise<void> {
    for (const event of events) {
      if (event.type === this.failOn) throw new Error(`crash while applying ${event.eventId}`);
      await tx.query(
        `INSERT INTO test_stream_counts (stream, events, last_event) VALUES ($1, 1, $2)
         ON CONFLICT (stream) DO UPDATE SET events = test_stream_counts.events + 1, last_event = EXCLUDED.last_event`,
        [event.stream, event.eventId],
      );
    }
  }
}

/**
 * StreamCounts that folds in memory and writes later, as the ledger does: the runner folds the next
 * batch while the last one commits. A batch holding `failOn` fails in its transaction, not in the fold.
 */
class FoldingStreamCounts implements Projection {
  readonly name = 'test-stream-counts';
  readonly tables = ['test_stream_counts'];
  failOn?: string;
  /** Events folded since the last reset: memory that may run ahead of the tables. */
  folded = 0;
  resets = 0;

  async apply(events: ReadSideEvent[], tx: EntityManager): Promise<void> {
    await (await this.fold(events))(tx);
  }

  fold(events: ReadSideEvent[]): Promise<(tx: EntityManager) => Promise<void>> {
    this.folded += events.length;
    const rows = events.map((e) => ({ stream: e.stream, eventId: e.eventId, fail: e.type === this.failOn }));
    return Promise.resolve(async (tx: EntityManager) => {
      for (const row of rows) {
        if (row.fail) await tx.query('SELECT 1 / 0');
        await tx.query(
          `INSERT INTO test_stream_counts (stream, events, last_event) VALUES ($1, 1, $2)
           ON CONFLICT (stream) DO UPDATE SET events = test_stream_counts.events + 1, last_event = EXCLUDED.last_event`,
          [row.stream, row.eventId],
        );
      }
    });
  }

  reset(): void {
    this.folded = 0;
    this.resets += 1;
  }
}

/** A fresh database with StreamCounts' table, its data source and event store. */
async function countsDatabase(): Promise<{ db: TestDatabase; dataSource: DataSource; store: PostgresEventStore }> {
  const db = await createTestDatabase();
  const dataSource = new DataSource({ type: 'postgres', url: db.url });
  await dataSource.initialize();
  await dataSource.query('CREATE TABLE test_stream_counts (stream text PRIMARY KEY, events int NOT NULL, last_event uuid NOT NULL)');
  return { db, dataSource, store: new PostgresEventStore(db.pool, systemClock, 1024 * 1024) };
}

describe('ProjectionRunner', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  const actor = { subject: 'test', role: 'admin' as const };

  const counts = async () =>
    Object.fromEntries(
      ((await dataSource.query<{ stream: string; events: number }[]>('SELECT stream, events FROM test_stream_counts ORDER BY stream'))).map((r) => [
        r.stream,
        r.events,
      ]),
    );

  beforeAll(async () => {
    ({ db, dataSource, store } = await countsDatabase());
    runner = new ProjectionRunner(store, dataSource);
    for (let i = 0; i < 25; i += 1) {
      await store.append(`s-${i % 5}`, [{ type: 'Tick', data: { i } }], { expectedRevision: 'any', actor });
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('a crash mid-batch commits nothing of that batch, and a restart resumes exactly once', async () => {
    const projection = new StreamCounts();
    await store.append('s-crash', [{ type: 'Boom', data: {} }], { expectedRevision: 'no_stream', actor });
    projection.failOn = 'Boom';
    await expect(runner.catchUp(projection, { batchSize: 10 })).rejects.toThrow(/crash while applying/);
    const partial = await counts();
    // Whole batches only: 25 events in batches of 10 → 20 committed before the failing batch.
    expect(Object.values(partial).reduce((a, b) => a + b, 0)).toBe(20);

    projection.failOn = undefined;
    await runner.catchUp(projection, { batchSize: 10 });
    expect(await counts()).toEqual({ 's-0': 5, 's-1': 5, 's-2': 5, 's-3': 5, 's-4': 5, 's-crash': 1 });
    expect(await runner.catchUp(projection)).toBe(0);
  });

  it('a rebuild yields exactly the rows of incremental processing', async () => {
    const projection = new StreamCounts();
    for (let i = 0; i < 7; i += 1) await store.append('s-late', [{ type: 'Tick', data: { i } }], { expectedRevision: 'any', actor });
    await runner.catchUp(projection, { batchSize: 3 });
    const incremental = await dataSource.query<Record<string, unknown>[]>('SELECT * FROM test_stream_counts ORDER BY stream');
    const progress: number[] = [];
    const rebuilt = await runner.rebuild(projection, { batchSize: 4, onProgress: (n) => progress.push(n) });
    expect(await dataSource.query('SELECT * FROM test_stream_counts ORDER BY stream')).toEqual(incremental);
    expect(rebuilt).toBeGreaterThanOrEqual(33);
    expect(progress.at(-1)).toBe(rebuilt);
  });

  it('folding the next batch while the last commits: a failed commit keeps every batch before it, none after, and drops memory', async () => {
    const projection = new FoldingStreamCounts();
    await runner.rebuild(projection, { batchSize: 5 });
    const before = await counts();
    const total = Object.values(before).reduce((a, b) => a + b, 0);
    await store.append('s-fold-crash', [{ type: 'FoldBoom', data: {} }], { expectedRevision: 'no_stream', actor });
    for (let i = 0; i < 12; i += 1) await store.append('s-after', [{ type: 'Tick', data: { i } }], { expectedRevision: 'any', actor });
    projection.failOn = 'FoldBoom';
    const resets = projection.resets;
    // The rebuild's batches of 5: the one holding FoldBoom fails while the next is already folded.
    await expect(runner.rebuild(projection, { batchSize: 5 })).rejects.toThrow(/division by zero/);
    expect(projection.resets).toBeGreaterThan(resets);
    expect(projection.folded).toBe(0);
    const partial = await counts();
    const committed = Object.values(partial).reduce((a, b) => a + b, 0);
    expect(committed % 5).toBe(0);
    expect(committed).toBe(Math.floor(total / 5) * 5);
    expect(partial['s-after']).toBeUndefined();

    projection.failOn = undefined;
    await runner.catchUp(projection, { batchSize: 5 });
    expect(await counts()).toEqual({ ...before, 's-fold-crash': 1, 's-after': 12 });
  });

  it('lets only one runner write a projection at a time', async () => {
    const projection = new StreamCounts();
    const other = new ProjectionRunner(store, dataSource);
    const session = dataSource.createQueryRunner();
    await session.connect();
    await session.query(`SELECT pg_advisory_lock(hashtextextended('projection:test-stream-counts', 0))`);
    try {
      await expect(other.catchUp(projection)).rejects.toBeInstanceOf(ProjectionLocked);
    } finally {
      await session.query(`SELECT pg_advisory_unlock(hashtextextended('projection:test-stream-counts', 0))`);
      await session.release();
    }
    await expect(other.catchUp(projection)).resolves.toBe(0);
  });
});

describe('ProjectionRunner.live', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  const actor = { subject: 'test', role: 'admin' as const };

  beforeAll(async () => {
    ({ db, dataSource, store } = await countsDatabase());
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('keeps a projection current as events arrive, with one leader among two runners', async () => {
    const errors: unknown[] = [];
    const first = new ProjectionRunner(store, dataSource).live(new StreamCounts(), (e) => errors.push(e));
    const second = new ProjectionRunner(store, dataSource).live(new StreamCounts(), (e) => errors.push(e));
    try {
      for (let i = 0; i < 30; i += 1) await store.append('live-1', [{ type: 'Tick', data: { i } }], { expectedRevision: 'any', actor });
      await eventually(async () => {
        const rows = await dataSource.query<{ events: number }[]>(`SELECT events FROM test_stream_counts WHERE stream = 'live-1'`);
        return rows[0]?.events === 30;
      });
    } finally {
      await first.stop();
      await second.stop();
    }
    expect(errors).toEqual([]);
    const [{ held }] = await dataSource.query<{ held: number }[]>(
      `SELECT count(*)::int AS held FROM pg_locks l JOIN pg_database d ON d.oid = l.database
       WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
    );
    expect(held).toBe(0);
  });
  it('reads at most once per gap under a stream of writes, and at once when hurried (a reader waits)', async () => {
    const errors: unknown[] = [];
    const live = new ProjectionRunner(store, dataSource).live(new StreamCounts(), (e) => errors.push(e), undefined, { readGapMs: 60_000 });
    const count = async () => (await dataSource.query<{ events: number }[]>(`SELECT events FROM test_stream_counts WHERE stream = 'live-2'`))[0]?.events ?? 0;
    try {
      // Its first read is done: the write is announced inside the gap after it.
      await new Promise((resolve) => setTimeout(resolve, 600));
      await store.append('live-2', [{ type: 'Tick', data: { i: 0 } }], { expectedRevision: 'any', actor });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await count()).toBe(0);
      const hurried = Date.now();
      live.hurry();
      await eventually(async () => (await count()) === 1);
      expect(Date.now() - hurried).toBeLessThan(1000);
    } finally {
      await live.stop();
    }
    expect(errors).toEqual([]);
  });
});

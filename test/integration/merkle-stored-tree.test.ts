import { DataSource } from 'typeorm';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { hashLeaf } from '../../src/audit/merkle/merkle-hash';
import { MerkleFrontier } from '../../src/audit/merkle/merkle-frontier';
import { everyEventIsALeaf } from '../../src/audit/merkle/merkle-batches';
import { MerkleTreeProjection } from '../../src/audit/merkle/merkle-tree.projection';
import { rootFromInclusionProof, verifyConsistency } from '../../src/audit/merkle/proof-verification';
import { rootAt } from '../../src/audit/merkle/stored-tree';
import { consistencyProof, inclusionProof } from '../../src/audit/proofs/proofs';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { perfectSubtreeHash } from '../../src/audit/merkle/stored-levels';
import { MerkleSparseLevels1763900000150 } from '../../src/database/migrations/1763900000150-merkle-sparse-levels';
import { MerkleLeavesByPosition1763900000151 } from '../../src/database/migrations/1763900000151-merkle-leaves-by-position';
import { MerkleBatches1763900000152 } from '../../src/database/migrations/1763900000152-merkle-batches';
import { systemClock } from '../../src/shared/clock';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const LEAVES = 41;
const MORE = 7;
/** Leaves per merkle_batches row: smaller than most batches, and odd, so proofs read across rows and blocks of 8 straddle them. */
const ROW = 3;
const actor = { subject: 'test', role: 'admin' as const };

/**
 * The tree as stored (runs of events and levels from 4 up, stored-levels.ts) answers every root
 * and proof the RFC's own tree would: built in uneven batches, each time by a fresh projection
 * that must take the levels it does not store back from the events, and checked at every size
 * 1…41; then migrated from and back to the layout with a row per leaf, and grown further.
 */
describe('the Merkle tree in merkle_nodes and merkle_batches', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let runner: ProjectionRunner;
  const ids: string[] = [];
  const leafHashes: Buffer[] = [];
  const roots: Buffer[] = [];
  const frontier = new MerkleFrontier();

  const write = async (from: number, to: number, projection: () => MerkleTreeProjection) => {
    for (let i = from; i < to; i += 1) {
      await store.append(`tree-${i % 7}`, [{ type: 'Noted', data: { i } }], { expectedRevision: 'any', actor });
      expect(await everyEventIsALeaf(dataSource)).toBe(false);
      if (i % 5 === 3 || i === to - 1) await runner.catchUp(projection(), { batchSize: 1 + (i % 4) });
    }
    expect(await everyEventIsALeaf(dataSource)).toBe(true);
    const { events } = await store.readAll({ limit: to + 1 });
    for (const event of events.slice(from)) {
      ids.push(event.eventId);
      leafHashes.push(hashLeaf(Buffer.from(event.hash, 'hex')));
      frontier.add(leafHashes[leafHashes.length - 1]);
      roots.push(frontier.root());
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    store = new PostgresEventStore(db.pool, systemClock, 1024 * 1024);
    runner = new ProjectionRunner(store, dataSource);
    await write(0, LEAVES, () => new MerkleTreeProjection(ROW));
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  const expectEveryRootAndProof = async (leaves: number) => {
    for (let size = 1; size <= leaves; size += 1) expect([size, (await rootAt(dataSource, size)).toString('hex')]).toEqual([size, roots[size - 1].toString('hex')]);
    for (let size = 1; size <= leaves; size += 1) {
      for (let leaf = 0; leaf < size; leaf += 1) {
        const proof = await inclusionProof(dataSource, ids[leaf], size);
        const root = rootFromInclusionProof(proof.leafIndex, size, Buffer.from(proof.leafHash, 'hex'), proof.auditPath.map((h) => Buffer.from(h, 'hex')));
        expect([size, leaf, proof.leafIndex, root?.toString('hex')]).toEqual([size, leaf, leaf, roots[size - 1].toString('hex')]);
      }
    }
    for (let to = 1; to <= leaves; to += 1) {
      for (let from = 1; from <= to; from += 1) {
        const { proof } = await consistencyProof(dataSource, from, to);
        expect([from, to, verifyConsistency(from, to, roots[from - 1], roots[to - 1], proof.map((h) => Buffer.from(h, 'hex')))]).toEqual([from, to, true]);
      }
    }
  };

  it('stores no leaf and no node of levels 1 to 3: a row per run of events, full ones extended across batches', async () => {
    const nodes = await dataSource.query<{ level: number; n: number }[]>('SELECT level, count(*)::int AS n FROM merkle_nodes GROUP BY level ORDER BY level');
    expect(nodes).toEqual([{ level: 4, n: 2 }, { level: 5, n: 1 }]);
    const rows = await dataSource.query<{ first: number; leaves: number }[]>('SELECT first_leaf::int AS first, leaves FROM merkle_batches ORDER BY first_leaf');
    expect(rows).toEqual(Array.from({ length: Math.ceil(LEAVES / ROW) }, (_, i) => ({ first: i * ROW, leaves: Math.min(ROW, LEAVES - i * ROW) })));
  });

  it('gives the root of every size, an inclusion proof of every leaf in every tree that holds it, a consistency proof between every pair of sizes', async () => {
    await expectEveryRootAndProof(LEAVES);
  });

  it('migrates to a row per leaf and back: down writes each event’s leaf index and hash, the older migrations go down and up over it, up cuts rows of 256', async () => {
    const session = dataSource.createQueryRunner();
    const node = async (level: number, idx: number) =>
      (await dataSource.query<{ hash: Buffer }[]>('SELECT hash FROM merkle_nodes WHERE level = $1 AND idx = $2', [level, idx]))[0]?.hash.toString('hex');
    try {
      await new MerkleBatches1763900000152().down(session);
      const byPosition = await dataSource.query<{ event_id: string; leaf: number }[]>(
        'SELECT e.event_id, l.leaf_index::int AS leaf FROM merkle_leaves l JOIN events e USING (global_position) ORDER BY l.leaf_index');
      expect(byPosition.map((r) => [r.event_id, r.leaf])).toEqual(ids.map((id, leaf) => [id, leaf]));
      const leaves = (await dataSource.query<{ hash: Buffer }[]>('SELECT hash FROM merkle_nodes WHERE level = 0 ORDER BY idx')).map((r) => r.hash.toString('hex'));
      expect(leaves).toEqual(leafHashes.map((h) => h.toString('hex')));

      const sparse = new MerkleSparseLevels1763900000150();
      await sparse.down(session);
      const counts = await dataSource.query<{ level: number; n: number }[]>('SELECT level, count(*)::int AS n FROM merkle_nodes GROUP BY level ORDER BY level');
      expect(counts.map((r) => [r.level, r.n])).toEqual([[0, 41], [1, 20], [2, 10], [3, 5], [4, 2], [5, 1]]);
      expect(await node(1, 19)).toBe(perfectSubtreeHash(leafHashes.slice(38, 40)).toString('hex'));
      expect(await node(3, 4)).toBe(perfectSubtreeHash(leafHashes.slice(32, 40)).toString('hex'));
      await sparse.up(session);
      expect(await node(3, 4)).toBeUndefined();

      const byEventId = new MerkleLeavesByPosition1763900000151();
      await byEventId.down(session);
      const byEvent = await dataSource.query<{ event_id: string; leaf: number }[]>('SELECT event_id, leaf_index::int AS leaf FROM merkle_leaves ORDER BY leaf_index');
      expect(byEvent.map((r) => [r.event_id, r.leaf])).toEqual(ids.map((id, leaf) => [id, leaf]));
      await byEventId.up(session);

      await new MerkleBatches1763900000152().up(session);
    } finally {
      await session.release();
    }
    const [last] = await store.readAll({ after: undefined, limit: LEAVES }).then((page) => page.events.slice(-1));
    const rows = await dataSource.query<{ first: number; leaves: number; after: string; last: string }[]>(
      `SELECT first_leaf::int AS first, leaves, after_tx::text || '/' || after_position AS after, last_tx::text || '/' || last_position AS last FROM merkle_batches`);
    expect(rows).toEqual([{ first: 0, leaves: LEAVES, after: '0/0', last: `${last.position.commit}/${last.position.prepare}` }]);
    expect(await dataSource.query('SELECT 1 FROM merkle_nodes WHERE level < 4')).toEqual([]);
  });

  it('grows the migrated tree and answers for every size again', async () => {
    await write(LEAVES, LEAVES + MORE, () => new MerkleTreeProjection());
    await expectEveryRootAndProof(LEAVES + MORE);
  });
});

import { DataSource } from 'typeorm';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { hashLeaf } from '../../src/audit/merkle/merkle-hash';
import { MerkleFrontier } from '../../src/audit/merkle/merkle-frontier';
import { MerkleTreeProjection } from '../../src/audit/merkle/merkle-tree.projection';
import { rootFromInclusionProof, verifyConsistency } from '../../src/audit/merkle/proof-verification';
import { rootAt } from '../../src/audit/merkle/stored-tree';
import { consistencyProof, inclusionProof } from '../../src/audit/proofs/proofs';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { perfectSubtreeHash } from '../../src/audit/merkle/stored-levels';
import { MerkleSparseLevels1763900000150 } from '../../src/database/migrations/1763900000150-merkle-sparse-levels';
import { MerkleLeavesByPosition1763900000151 } from '../../src/database/migrations/1763900000151-merkle-leaves-by-position';
import { systemClock } from '../../src/shared/clock';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const LEAVES = 41;
const actor = { subject: 'test', role: 'admin' as const };

/**
 * The tree as stored (leaves and levels from 4 up, stored-levels.ts) answers every root and proof
 * the RFC's own tree would: built in uneven batches, each time by a fresh projection that must
 * take the levels it does not store back from the leaves, and checked at every size 1…41.
 */
describe('the Merkle tree in merkle_nodes', () => {
  let db: TestDatabase;
  let dataSource: DataSource;
  const ids: string[] = [];
  const roots: Buffer[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    const store = new PostgresEventStore(db.pool, systemClock, 1024 * 1024);
    const runner = new ProjectionRunner(store, dataSource);
    for (let i = 0; i < LEAVES; i += 1) {
      await store.append(`tree-${i % 7}`, [{ type: 'Noted', data: { i } }], { expectedRevision: 'any', actor });
      if (i % 5 === 3 || i === LEAVES - 1) await runner.catchUp(new MerkleTreeProjection(), { batchSize: 1 + (i % 4) });
    }
    const frontier = new MerkleFrontier();
    const { events } = await store.readAll({ limit: LEAVES + 1 });
    for (const event of events) {
      ids.push(event.eventId);
      frontier.add(hashLeaf(Buffer.from(event.hash, 'hex')));
      roots.push(frontier.root());
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await db.drop();
  });

  it('stores the leaves and no node of levels 1 to 3', async () => {
    const rows = await dataSource.query<{ level: number; n: number }[]>('SELECT level, count(*)::int AS n FROM merkle_nodes GROUP BY level ORDER BY level');
    expect(rows).toEqual([{ level: 0, n: 41 }, { level: 4, n: 2 }, { level: 5, n: 1 }]);
  });

  it('migrates a tree stored whole: down puts levels 1 to 3 back as the tree computes them, up takes them away', async () => {
    const migration = new MerkleSparseLevels1763900000150();
    const session = dataSource.createQueryRunner();
    const leaves = (await dataSource.query<{ hash: Buffer }[]>('SELECT hash FROM merkle_nodes WHERE level = 0 ORDER BY idx')).map((r) => r.hash);
    const node = async (level: number, idx: number) =>
      (await dataSource.query<{ hash: Buffer }[]>('SELECT hash FROM merkle_nodes WHERE level = $1 AND idx = $2', [level, idx]))[0]?.hash.toString('hex');
    try {
      await migration.down(session);
      const counts = await dataSource.query<{ level: number; n: number }[]>('SELECT level, count(*)::int AS n FROM merkle_nodes GROUP BY level ORDER BY level');
      expect(counts.map((r) => [r.level, r.n])).toEqual([[0, 41], [1, 20], [2, 10], [3, 5], [4, 2], [5, 1]]);
      expect(await node(1, 19)).toBe(perfectSubtreeHash(leaves.slice(38, 40)).toString('hex'));
      expect(await node(3, 4)).toBe(perfectSubtreeHash(leaves.slice(32, 40)).toString('hex'));
      await migration.up(session);
      expect(await node(3, 4)).toBeUndefined();
    } finally {
      await session.release();
    }
  });

  it('migrates leaves keyed by event id to leaves keyed by position and back, each event keeping its leaf index', async () => {
    const migration = new MerkleLeavesByPosition1763900000151();
    const session = dataSource.createQueryRunner();
    try {
      await migration.down(session);
      const byEvent = await dataSource.query<{ event_id: string; leaf: number }[]>('SELECT event_id, leaf_index::int AS leaf FROM merkle_leaves ORDER BY leaf_index');
      expect(byEvent.map((r) => [r.event_id, r.leaf])).toEqual(ids.map((id, leaf) => [id, leaf]));
      await migration.up(session);
    } finally {
      await session.release();
    }
    const proofs = await Promise.all(ids.map((id) => inclusionProof(dataSource, id, LEAVES)));
    expect(proofs.map((p) => p.leafIndex)).toEqual(ids.map((_, leaf) => leaf));
  });

  it('gives the root of every size', async () => {
    for (let size = 1; size <= LEAVES; size += 1) expect((await rootAt(dataSource, size)).toString('hex')).toBe(roots[size - 1].toString('hex'));
  });

  it('gives an inclusion proof of every leaf in every tree that holds it, leading to that tree’s root', async () => {
    for (let size = 1; size <= LEAVES; size += 1) {
      for (let leaf = 0; leaf < size; leaf += 1) {
        const proof = await inclusionProof(dataSource, ids[leaf], size);
        const root = rootFromInclusionProof(proof.leafIndex, size, Buffer.from(proof.leafHash, 'hex'), proof.auditPath.map((h) => Buffer.from(h, 'hex')));
        expect([size, leaf, root?.toString('hex')]).toEqual([size, leaf, roots[size - 1].toString('hex')]);
      }
    }
  });

  it('gives a consistency proof between every pair of sizes', async () => {
    for (let to = 1; to <= LEAVES; to += 1) {
      for (let from = 1; from <= to; from += 1) {
        const { proof } = await consistencyProof(dataSource, from, to);
        expect([from, to, verifyConsistency(from, to, roots[from - 1], roots[to - 1], proof.map((h) => Buffer.from(h, 'hex')))]).toEqual([from, to, true]);
      }
    }
  });
});

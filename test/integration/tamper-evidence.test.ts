import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { Checkpointer } from '../../src/audit/checkpoints/checkpointer';
import { latestCheckpoint } from '../../src/audit/checkpoints/checkpoint-rows';
import { signNote } from '../../src/audit/checkpoints/checkpoint-note';
import { buildEvidenceBundle } from '../../src/audit/evidence/build-evidence-bundle';
import { verifyEvidenceBundle } from '../../src/audit/evidence/verify-evidence-bundle';
import { rootFromInclusionProof, verifyConsistency } from '../../src/audit/merkle/proof-verification';
import { inclusionProof, consistencyProof } from '../../src/audit/proofs/proofs';
import { LedgerVerificationService } from '../../src/audit/verification/ledger-verification.service';
import { verifyLedger } from '../../src/audit/verification/ledger-verifier';
import { loadKeyRing } from '../../src/audit/checkpoints/signing-keys';
import { loadConfig } from '../../src/config/app-config';
import { createTestApp, type TestApp } from '../support/test-app';
import { DataSource } from 'typeorm';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { KEY_RING, type KeyRingSource } from '../../src/audit/checkpoints/checkpoint-keys.provider';
import { rootAt } from '../../src/audit/merkle/stored-tree';
import { systemClock } from '../../src/shared/clock';
import { eventually } from '../support/eventually';

const admin = { subject: 'test', role: 'admin' } as const;

/** A small ledger: three streams, then a checkpoint, then more events and a second checkpoint. */
async function ledger(): Promise<{ t: TestApp; dataDir: string; checkpointer: Checkpointer; db: DataSource }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'noxh-tamper-'));
  const t = await createTestApp(undefined, { dataDir });
  for (const s of ['a', 'b', 'c']) {
    for (let i = 0; i < 4; i += 1) await t.store.append(`stream-${s}`, [{ type: 'Noted', data: { s, i } }], { expectedRevision: 'any', actor: admin });
  }
  const checkpointer = t.app.get(Checkpointer);
  await checkpointer.checkpointNow();
  await t.store.append('stream-d', [{ type: 'Noted', data: { s: 'd' } }], { expectedRevision: 'any', actor: admin });
  await checkpointer.checkpointNow();
  return { t, dataDir, checkpointer, db: t.app.get(DataSource) };
}

/** The attacker: a superuser session that switches the immutability trigger off. */
async function asAttacker(t: TestApp, sql: string[]): Promise<void> {
  const client = await t.db.pool.connect();
  try {
    await client.query('SET session_replication_role = replica');
    for (const statement of sql) await client.query(statement);
  } finally {
    await client.query('RESET session_replication_role');
    client.release();
  }
}

describe('signed Merkle checkpoints against the database administrator', () => {
  let current: { t: TestApp; dataDir: string } | undefined;
  afterEach(async () => {
    if (!current) return;
    await current.t.close();
    await rm(current.dataDir, { recursive: true, force: true });
    current = undefined;
  });

  const verify = async (t: TestApp) => t.app.get(LedgerVerificationService).verify(true);

  it('signs checkpoints whose roots match the log, with proofs that verify', async () => {
    const l = await ledger();
    current = l;
    const report = await verify(l.t);
    expect(report).toMatchObject({ ok: true, checkpointsChecked: 2, lastCheckpoint: { treeSize: 14 } });
    const latest = await latestCheckpoint(l.db);
    expect(latest?.note).toMatch(/^noxh-ledger\n14\n[A-Za-z0-9+/]{43}=\n$/);
    const [first] = await l.t.store.readStream('stream-b');
    const proof = await inclusionProof(l.db, first.eventId, 14);
    expect(rootFromInclusionProof(proof.leafIndex, 14, Buffer.from(proof.leafHash, 'hex'), proof.auditPath.map((h) => Buffer.from(h, 'hex')))?.toString('hex')).toBe(latest?.rootHash);
    const consistency = await consistencyProof(l.db, 12, 14);
    const [c12] = await l.db.query<{ root_hash: string }[]>('SELECT root_hash FROM merkle_checkpoints WHERE tree_size = 12');
    expect(verifyConsistency(12, 14, Buffer.from(c12.root_hash, 'hex'), Buffer.from(latest?.rootHash ?? '', 'hex'), consistency.proof.map((h) => Buffer.from(h, 'hex')))).toBe(true);
  });

  it('resumes from the last good checkpoint with each stream’s tip as it was there, though the run went on past it', async () => {
    const l = await ledger();
    current = l;
    const service = l.t.app.get(LedgerVerificationService);
    const more = (i: number) => l.t.store.append('stream-d', [{ type: 'Noted', data: { s: 'd', i } }], { expectedRevision: 'any', actor: admin });
    await more(1);
    expect(await service.verify(false)).toMatchObject({ ok: true, verifiedFrom: 0, lastCheckpoint: { treeSize: 14 } });
    await more(2);
    expect(await service.verify(false)).toMatchObject({ ok: true, verifiedFrom: 14, lastCheckpoint: { treeSize: 14 } });
    // A run that reaches a later checkpoint resumes the next from there, with d's tip as it was there.
    await l.checkpointer.checkpointNow();
    const signed = (await latestCheckpoint(l.db))?.treeSize;
    await more(3);
    expect(await service.verify(false)).toMatchObject({ ok: true, verifiedFrom: 14, lastCheckpoint: { treeSize: signed } });
    await more(4);
    expect(await service.verify(false)).toMatchObject({ ok: true, verifiedFrom: signed, lastCheckpoint: { treeSize: signed } });
  });

  it('after a run that finds the log altered, the next one reads the whole log again', async () => {
    const l = await ledger();
    current = l;
    const service = l.t.app.get(LedgerVerificationService);
    expect(await service.verify(false)).toMatchObject({ ok: true, verifiedFrom: 0 });
    await l.t.store.append('stream-d', [{ type: 'Noted', data: { s: 'd', i: 1 } }], { expectedRevision: 'any', actor: admin });
    await asAttacker(l.t, [`UPDATE events SET data = '{"s":"d","i":2}' WHERE stream_id = 'stream-d' AND stream_revision = 1`]);
    expect(await service.verify(false)).toMatchObject({ ok: false, verifiedFrom: 14, firstBad: { stream: 'stream-d', revision: 1 } });
    await asAttacker(l.t, [`UPDATE events SET data = '{"s":"d","i":1}' WHERE stream_id = 'stream-d' AND stream_revision = 1`]);
    expect(await service.verify(false)).toMatchObject({ ok: true, verifiedFrom: 0 });
  });

  it('an event edited with its stream’s chain recomputed contradicts the checkpoint', async () => {
    const l = await ledger();
    current = l;
    await asAttacker(l.t, [
      `UPDATE events SET data = '{"s":"b","i":9}' WHERE stream_id = 'stream-b' AND stream_revision = 3`,
      // Recompute the edited event's hash exactly as noxh_append does, so the chain is intact.
      `UPDATE events e SET hash = encode(sha256(convert_to(e.prev_hash || ':' || e.stream_revision || ':' ||
         (SELECT jsonb_build_object('data', e.data, 'metadata', e.metadata, 'stream', e.stream_id, 'type', e.type))::text, 'UTF8')), 'hex')
       WHERE stream_id = 'stream-b' AND stream_revision = 3`,
    ]);
    const report = await verify(l.t);
    expect(report.ok).toBe(false);
    expect(report.firstBad?.checkpoint?.treeSize).toBe(12);
    // The reason in English as GET /audit/verify has always given it, and in Vietnamese for `noxh verify`.
    expect(report.firstBad).toMatchObject({
      reason: 'content does not match its hash: the event was altered; contradicts checkpoint 12',
      reasonVi: 'nội dung không khớp với mã băm: sự kiện đã bị sửa; mâu thuẫn với điểm kiểm tra 12',
    });
  });

  it.each([
    ['the last event of a stream deleted', [`DELETE FROM events WHERE stream_id = 'stream-c' AND stream_revision = 3`]],
    ['a whole stream deleted', [`DELETE FROM events WHERE stream_id = 'stream-a'`]],
    // Each append is its own transaction: exchanging two events' transaction ids exchanges their places in the read order.
    ['two events swapped across streams', [
      `WITH a AS (SELECT event_id, tx_id FROM events WHERE stream_id = 'stream-a' AND stream_revision = 1),
            c AS (SELECT event_id, tx_id FROM events WHERE stream_id = 'stream-c' AND stream_revision = 0)
       UPDATE events e SET tx_id = CASE WHEN e.event_id = (SELECT event_id FROM a) THEN (SELECT tx_id FROM c) ELSE (SELECT tx_id FROM a) END
       WHERE e.event_id IN ((SELECT event_id FROM a), (SELECT event_id FROM c))`,
    ]],
  ])('%s makes verify fail naming the checkpoint it contradicts', async (_, sql) => {
    const l = await ledger();
    current = l;
    await asAttacker(l.t, sql);
    const report = await verify(l.t);
    expect(report.ok).toBe(false);
    expect(report.firstBad?.checkpoint?.treeSize).toBe(12);
  });

  it('reads the same whatever the page size: whole pages as Merkle nodes (powers of two) or leaf by leaf, checkpoints inside pages', async () => {
    const l = await ledger();
    current = l;
    // Checkpoints at 12 and 14 (the ledger's), then at 18, 28, 30, 45 and 50: inside pages of 4, 8 and 16 and on their edges.
    for (const steps of [3, 9, 1, 14, 4]) {
      for (let i = 0; i < steps; i += 1) await l.t.store.append(`stream-e${i % 3}`, [{ type: 'Noted', data: { steps, i } }], { expectedRevision: 'any', actor: admin });
      await l.checkpointer.checkpointNow();
    }
    const config = loadConfig({ DATA_DIR: l.dataDir });
    const { trusted } = await loadKeyRing(undefined, config.dataDir);
    const reports = async () => Promise.all([1, 3, 4, 8, 16, 512].map(async (pageSize) => (await verifyLedger(l.t.store, { trusted, witnesses: new Map(), pageSize })).report));
    const good = await reports();
    expect(good[0]).toMatchObject({ ok: true, eventsChecked: 51, checkpointsChecked: 7, lastCheckpoint: { treeSize: 50 } });
    for (const report of good) expect(report).toEqual(good[0]);
    // An edit with its chain recomputed inside the third checkpoint's range: only the roots can tell.
    await asAttacker(l.t, [
      `UPDATE events SET data = '{"steps":9,"i":7}' WHERE stream_id = 'stream-e1' AND data->>'steps' = '9' AND data->>'i' = '4'`,
      `UPDATE events e SET hash = encode(sha256(convert_to(e.prev_hash || ':' || e.stream_revision || ':' ||
         (SELECT jsonb_build_object('data', e.data, 'metadata', e.metadata, 'stream', e.stream_id, 'type', e.type))::text, 'UTF8')), 'hex')
       WHERE stream_id = 'stream-e1' AND data->>'steps' = '9'`,
    ]);
    const bad = await reports();
    expect(bad[0]).toMatchObject({ ok: false, firstBad: { checkpoint: { treeSize: 28 } } });
    for (const report of bad) expect(report).toEqual(bad[0]);
  });

  it('the log truncated to an earlier size is caught by its checkpoints, and with them deleted too by --against', async () => {
    const l = await ledger();
    current = l;
    const outside = await latestCheckpoint(l.db);
    await asAttacker(l.t, [`DELETE FROM events WHERE stream_id = 'stream-d'`]);
    expect((await verify(l.t)).firstBad?.checkpoint?.treeSize).toBe(14);
    await asAttacker(l.t, [`DELETE FROM events WHERE stream_id = 'audit-checkpoints' AND (data->>'treeSize')::int = 14`]);
    const config = loadConfig({ DATA_DIR: l.dataDir });
    const { trusted } = await loadKeyRing(undefined, config.dataDir);
    const without = await verifyLedger(l.t.store, { trusted, witnesses: new Map() });
    expect(without.report.ok).toBe(true);
    const against = await verifyLedger(l.t.store, { trusted, witnesses: new Map(), external: outside ? [{ ...outside, cosignatures: [] }] : [] });
    expect(against.report).toMatchObject({ ok: false, firstBad: { checkpoint: { treeSize: 14 } } });
    expect(against.report.firstBad?.reasonVi).toMatch(/^sổ cái có \d+ sự kiện, nhưng điểm kiểm tra 14 đã được ký trên 14 sự kiện: sự kiện đã bị xóa hoặc sổ cái bị quay lui$/);
  });

  it('two instances taking turns at the tree keep it the log’s tree', async () => {
    const l = await ledger();
    current = l;
    const config = loadConfig({ DATA_DIR: l.dataDir });
    const other = new Checkpointer(l.t.store, l.db, new ProjectionRunner(l.t.store, l.db), config.checkpoints, l.t.app.get<KeyRingSource>(KEY_RING), systemClock);
    await l.t.store.append('stream-e', [{ type: 'Noted', data: { s: 'e' } }], { expectedRevision: 'any', actor: admin });
    await other.catchUpTree();
    await l.t.store.append('stream-e', [{ type: 'Noted', data: { s: 'e' } }], { expectedRevision: 'any', actor: admin });
    // The first instance's memory stands where it last led: it must start again from the tables.
    await l.checkpointer.checkpointNow();
    expect(await verify(l.t)).toMatchObject({ ok: true, checkpointsChecked: 3, lastCheckpoint: { treeSize: 17 } });
  });

  it('live, the checkpointer brings the tree up to the log and signs every CHECKPOINT_EVERY events by itself', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'noxh-tamper-'));
    const t = await createTestApp(undefined, { dataDir, projections: 'live', checkpoints: { ...loadConfig({}).checkpoints, every: 5 } });
    current = { t, dataDir };
    for (let i = 0; i < 12; i += 1) await t.store.append(`stream-${i % 3}`, [{ type: 'Noted', data: { i } }], { expectedRevision: 'any', actor: admin });
    const db = t.app.get(DataSource);
    await eventually(async () => ((await latestCheckpoint(db))?.treeSize ?? 0) >= 12);
    const signed = await latestCheckpoint(db);
    expect(signed?.rootHash).toBe((await rootAt(db, signed?.treeSize ?? 0)).toString('hex'));
  });

  it('an evidence bundle verifies offline, fails after any single byte changed, and against another pinned key', async () => {
    const l = await ledger();
    current = l;
    const events = await l.t.store.readStream('stream-b');
    const checkpoint = await latestCheckpoint(l.db);
    if (!checkpoint) throw new Error('no checkpoint');
    const proofs = new Map(await Promise.all(events.map(async (e) => [e.eventId, await inclusionProof(l.db, e.eventId, checkpoint.treeSize)] as const)));
    const keys = await loadKeyRing(undefined, l.dataDir);
    const finding = { id: 'duplicate-applicant-1', evidence: events.map((e) => ({ eventId: e.eventId, stream: e.stream })), summary: 'Trùng hồ sơ' };
    const { text } = buildEvidenceBundle({ finding, events, proofs, checkpoint, signer: keys.current, keys: keys.trusted, exportedAt: new Date() });
    const pinned = keys.current.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    expect(verifyEvidenceBundle(text, pinned)).toMatchObject({ ok: true, pinned: true });
    expect(verifyEvidenceBundle(text).lines[0]).toMatch(/^WARN khóa chưa được ghim \(unpinned\)/);
    const bytes = Buffer.from(text, 'utf8');
    for (let i = 0; i < bytes.length; i += Math.max(1, Math.floor(bytes.length / 400))) {
      const changed = Buffer.from(bytes);
      changed[i] = changed[i] === 0x30 ? 0x31 : 0x30;
      expect(verifyEvidenceBundle(changed.toString('utf8'), pinned).ok).toBe(false);
    }
    const other = generateKeyPairSync('ed25519');
    const resigned = buildEvidenceBundle({
      finding, events, proofs,
      checkpoint: { ...checkpoint, signature: signNote(checkpoint.note, other.privateKey) },
      signer: { privateKey: other.privateKey, publicKey: other.publicKey, keyId: checkpoint.keyId },
      keys: new Map(), exportedAt: new Date(),
    });
    expect(verifyEvidenceBundle(resigned.text, pinned).ok).toBe(false);
  });
});

import { expect } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Checkpointer } from '../../src/audit/checkpoints/checkpointer';
import { keyIdOf, publicKeyFromPem, signNote, verifyNoteSignature } from '../../src/audit/checkpoints/checkpoint-note';
import { verifyEvidenceBundle } from '../../src/audit/evidence/verify-evidence-bundle';
import { eventLeafHash } from '../../src/audit/merkle/merkle-hash';
import { verifyConsistency, verifyInclusion } from '../../src/audit/merkle/proof-verification';
import { loadConfig } from '../../src/config/app-config';
import { assertCliBuilt, runCli } from '../support/built-cli';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

const admin = { subject: 'test', role: 'admin' } as const;

// The audit endpoints' bodies (API.md "Tamper evidence").
interface SignedCheckpoint { treeSize: number; rootHash: string; note: string; signature: string; keyId: string; cosignatures: { keyId: string; signature: string }[] }
interface PublicKey { keyId: string; publicKeyPem: string }
interface InclusionProof { eventId: string; treeSize: number; leafIndex: number; leafHash: string; auditPath: string[] }
interface ConsistencyProof { from: number; to: number; proof: string[] }
/** What `noxh witness cosign` keeps between runs: the last checkpoint it cosigned. */
interface WitnessState { checkpoint: { treeSize: number; rootHash: string } }

/**
 * API.md "Tamper evidence" through the app: the public key and checkpoints with no token, the
 * proofs as an inspector (checked with the pure verifier, not trusted), a witness's cosignature
 * accepted only from a registered key over the right note, and a finding's evidence bundle.
 */
describe('tamper evidence over HTTP', () => {
  let t: TestApp;
  let dataDir: string;
  const witness = generateKeyPairSync('ed25519');
  const witnessKeyId = keyIdOf(witness.publicKey);
  const stranger = generateKeyPairSync('ed25519');
  const http = () => request(t.app.getHttpServer());
  let inspector: { Authorization: string };
  let first: SignedCheckpoint;
  let eventId: string;
  let eventHash: string;

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-tamper-http-'));
    const base = loadConfig({});
    t = await createTestApp(undefined, {
      dataDir,
      checkpoints: { ...base.checkpoints, witnessPublicKeyPems: [witness.publicKey.export({ format: 'pem', type: 'spki' }).toString()] },
    });
    inspector = t.auth({ role: 'inspector' });
    for (let i = 0; i < 5; i += 1) await t.store.append('stream-x', [{ type: 'Noted', data: { i } }], { expectedRevision: 'any', actor: admin });
    const [event] = await t.store.readStream('stream-x');
    eventId = event.eventId;
    eventHash = event.hash;
    await t.app.get(Checkpointer).checkpointNow();
    first = bodyOf<SignedCheckpoint>(await http().get('/api/v1/audit/checkpoints/latest').expect(200));
    for (let i = 0; i < 3; i += 1) await t.store.append('stream-y', [{ type: 'Noted', data: { i } }], { expectedRevision: 'any', actor: admin });
    await t.app.get(Checkpointer).checkpointNow();
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('GET /audit/public-key (no token) gives the key whose id signs the checkpoints', async () => {
    const { keyId, publicKeyPem } = bodyOf<PublicKey>(await http().get('/api/v1/audit/public-key').expect(200));
    expect(keyIdOf(publicKeyFromPem(publicKeyPem))).toBe(keyId);
    expect(first.keyId).toBe(keyId);
    expect(verifyNoteSignature(first.note, first.signature, publicKeyFromPem(publicKeyPem))).toBe(true);
  });

  it('GET /audit/checkpoints/latest and /:treeSize (no token); an unknown size is 404 CHECKPOINT_NOT_FOUND', async () => {
    const latest = bodyOf<SignedCheckpoint>(await http().get('/api/v1/audit/checkpoints/latest').expect(200));
    expect(latest.treeSize).toBeGreaterThan(first.treeSize);
    const again = bodyOf<SignedCheckpoint>(await http().get(`/api/v1/audit/checkpoints/${first.treeSize}`).expect(200));
    expect(again).toMatchObject({ treeSize: first.treeSize, rootHash: first.rootHash, note: first.note, signature: first.signature });
    const missing = await http().get('/api/v1/audit/checkpoints/999999').expect(404);
    expect(errorOf(missing).code).toBe('CHECKPOINT_NOT_FOUND');
  });

  it('refuses a tree size past 2^53 - 1 with 400, in a path or a query, before it reaches the database', async () => {
    const huge = '99999999999999999999';
    const sizes = [
      http().get(`/api/v1/audit/checkpoints/${huge}`),
      http().get(`/api/v1/audit/proofs/inclusion?eventId=${eventId}&treeSize=${huge}`).set(inspector),
      http().get(`/api/v1/audit/proofs/consistency?from=1&to=${huge}`).set(inspector),
    ];
    for (const res of await Promise.all(sizes)) {
      expect(res.status).toBe(400);
      expect(errorOf(res).messageEn).toEqual([expect.stringMatching(/^(treeSize|to) must not be greater than 9007199254740991$/)]);
    }
  });

  it('inclusion and consistency proofs (inspector) verify against the signed roots; no token is 401', async () => {
    await http().get(`/api/v1/audit/proofs/inclusion?eventId=${eventId}&treeSize=${first.treeSize}`).expect(401);
    const latest = bodyOf<SignedCheckpoint>(await http().get('/api/v1/audit/checkpoints/latest').expect(200));
    const inc = bodyOf<InclusionProof>(await http().get(`/api/v1/audit/proofs/inclusion?eventId=${eventId}&treeSize=${latest.treeSize}`).set(inspector).expect(200));
    expect(inc).toMatchObject({ eventId, treeSize: latest.treeSize, leafHash: eventLeafHash(eventHash).toString('hex') });
    const path = inc.auditPath.map((h) => Buffer.from(h, 'hex'));
    expect(verifyInclusion(inc.leafIndex, latest.treeSize, eventLeafHash(eventHash), path, Buffer.from(latest.rootHash, 'hex'))).toBe(true);
    expect(verifyInclusion(inc.leafIndex, latest.treeSize, eventLeafHash(eventHash), path, Buffer.from(first.rootHash, 'hex'))).toBe(false);
    const con = bodyOf<ConsistencyProof>(await http().get(`/api/v1/audit/proofs/consistency?from=${first.treeSize}&to=${latest.treeSize}`).set(inspector).expect(200));
    const proof = con.proof.map((h) => Buffer.from(h, 'hex'));
    expect(verifyConsistency(first.treeSize, latest.treeSize, Buffer.from(first.rootHash, 'hex'), Buffer.from(latest.rootHash, 'hex'), proof)).toBe(true);
    expect(verifyConsistency(first.treeSize, latest.treeSize, Buffer.alloc(32), Buffer.from(latest.rootHash, 'hex'), proof)).toBe(false);
    const out = await http().get(`/api/v1/audit/proofs/consistency?from=${latest.treeSize}&to=${latest.treeSize + 100}`).set(inspector);
    expect(out.status).toBe(400);
    expect(errorOf(out).code).toBe('PROOF_OUT_OF_RANGE');
  });

  it('records a registered witness’s cosignature; refuses a bad signature and an unknown key with 400 COSIGNATURE_REJECTED', async () => {
    const url = `/api/v1/audit/checkpoints/${first.treeSize}/cosignatures`;
    const good = signNote(first.note, witness.privateKey);
    await http().post(url).set(inspector).send({ keyId: witnessKeyId, signature: good }).expect(201);
    // The cosignature is an event (CheckpointCosigned); the checkpoint's row shows it once the tree has caught up.
    await t.app.get(Checkpointer).catchUpTree();
    const cp = bodyOf<SignedCheckpoint>(await http().get(`/api/v1/audit/checkpoints/${first.treeSize}`).expect(200));
    expect(cp.cosignatures).toEqual([{ keyId: witnessKeyId, signature: good }]);

    const otherNote = signNote(`${first.note}x`, witness.privateKey);
    const bad = await http().post(url).set(inspector).send({ keyId: witnessKeyId, signature: otherNote });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, code: 'COSIGNATURE_REJECTED', messageEn: [expect.stringContaining('does not verify')] });

    const unknown = await http().post(url).set(inspector).send({ keyId: keyIdOf(stranger.publicKey), signature: signNote(first.note, stranger.privateKey) });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ statusCode: 400, code: 'COSIGNATURE_REJECTED', messageEn: [expect.stringContaining('not a registered witness')] });
    await t.app.get(Checkpointer).catchUpTree();
    const after = bodyOf<SignedCheckpoint>(await http().get(`/api/v1/audit/checkpoints/${first.treeSize}`).expect(200));
    expect(after.cosignatures).toHaveLength(1);
  });

  it('GET /findings/:id/evidence-bundle (inspector) gives a bundle that verifies offline under the ledger’s key', async () => {
    await t.db.pool.query(
      `INSERT INTO findings (id, severity, province_code, citizen_ids, streams, evidence, summary, details, detector, finding_key, status,
         first_seen_event_id, first_seen_position)
       VALUES ('test-finding-1', 'high', '31', '{}', '{stream-x}', $1, 'planted for the bundle test', '{}', 'test', 'k', 'open', $2, '0/0')`,
      [JSON.stringify([{ eventId, stream: 'stream-x' }]), eventId],
    );
    await http().get('/api/v1/findings/test-finding-1/evidence-bundle').expect(401);
    const res = await http().get('/api/v1/findings/test-finding-1/evidence-bundle').set(inspector).expect(200);
    // The file's exact bytes: re-serializing the parsed body would not be the signed text.
    const text = res.text;
    const { publicKeyPem } = bodyOf<PublicKey>(await http().get('/api/v1/audit/public-key').expect(200));
    const verdict = verifyEvidenceBundle(text, publicKeyPem);
    expect(verdict).toMatchObject({ ok: true, pinned: true, lines: expect.any(Array) });
    if (!verdict.ok) throw new Error(verdict.lines.join('\n'));
  });

  it('`noxh witness cosign` fetches, checks consistency with its state, signs and posts; a fork in its state is refused loudly, exit 1', async () => {
    await t.app.listen(0, '127.0.0.1');
    const address = t.app.getHttpServer().address() as { port: number };
    const keyFile = join(dataDir, 'witness.pem');
    await writeFile(keyFile, witness.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
    const state = join(dataDir, 'witness-state.json');
    const env = { ...process.env, DATA_DIR: join(dataDir, 'cli'), LOG_LEVEL: 'silent', NOXH_TOKEN: inspector.Authorization.replace(/^Bearer /, '') };
    const cosign = () => runCli(env, 'witness', 'cosign', '--key', keyFile, '--state', state, '--url', `http://127.0.0.1:${address.port}`);

    const firstRun = await cosign();
    expect(firstRun.stdout).toContain(`với tư cách bên chứng kiến ${witnessKeyId}`);
    expect(firstRun.code).toBe(0);
    const saved = JSON.parse(await readFile(state, 'utf8')) as WitnessState;
    await t.app.get(Checkpointer).catchUpTree();
    const latest = bodyOf<SignedCheckpoint>(await http().get('/api/v1/audit/checkpoints/latest').expect(200));
    expect(saved.checkpoint).toMatchObject({ treeSize: latest.treeSize, rootHash: latest.rootHash });
    expect(latest.cosignatures.map((c) => c.keyId)).toContain(witnessKeyId);

    // The log grows: the next checkpoint is consistent with the one cosigned.
    await t.store.append('stream-z', [{ type: 'Noted', data: {} }], { expectedRevision: 'any', actor: admin });
    await t.app.get(Checkpointer).checkpointNow();
    const second = await cosign();
    expect(second.code).toBe(0);
    const grown = JSON.parse(await readFile(state, 'utf8')) as WitnessState;
    expect(grown.checkpoint.treeSize).toBeGreaterThan(saved.checkpoint.treeSize);

    // The witness remembers another root for a size the service now serves: a fork.
    await writeFile(state, JSON.stringify({ checkpoint: { ...saved.checkpoint, rootHash: 'ab'.repeat(32) } }));
    const forked = await cosign();
    expect(forked.code).toBe(1);
    expect(forked.stderr).toContain('PHÁT HIỆN RẼ NHÁNH (FORK DETECTED)');
    expect(forked.stderr).toContain('noxh: từ chối đồng ký một điểm kiểm tra rẽ nhánh so với điểm kiểm tra đã đồng ký lần trước\n');
    expect((JSON.parse(await readFile(state, 'utf8')) as WitnessState).checkpoint.rootHash).toBe('ab'.repeat(32));
  });
});

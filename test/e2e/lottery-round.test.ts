import { expect } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { Checkpointer } from '../../src/audit/checkpoints/checkpointer';
import { publicKeyFromPem, verifyNoteSignature } from '../../src/audit/checkpoints/checkpoint-note';
import { eventLeafHash } from '../../src/audit/merkle/merkle-hash';
import { verifyInclusion } from '../../src/audit/merkle/proof-verification';
import { commitmentOf } from '../../src/lottery/domain/lottery-algorithm';
import { replayPublishedLottery } from '../../src/lottery/domain/verify-published-lottery';
import { ProjectionsService } from '../../src/projections/projections.service';
import { applicant, applicationBody, decideEligible, registerProject, submitApplication } from '../support/application-requests';
import { boardPost, eventCount } from '../support/board-api';
import { assertCliBuilt, runCli } from '../support/built-cli';
import { createTestApp, type TestApp } from '../support/test-app';
import type { BeneficiariesView, BeneficiaryView, CheckpointView } from '../../src/public-lists/queries/beneficiaries/beneficiaries.view';
import type { LotteryDrawnResponse } from '../../src/lottery/commands/draw-lottery/draw-lottery.request.dto';
import type { LotteryOpenedResponse } from '../../src/lottery/commands/open-lottery/open-lottery.request.dto';
import type { PublicLotteryView } from '../../src/lottery/queries/public-lottery/public-lottery.view';
import { bodyOf, errorOf } from '../support/response-body';

const SEED = '8f3c1a5e2b7d90c4e6a1f3b5d7092c4e6f8a1b3c5d7e9f0a2b4c6d8e0f1a3b5c';
const BEACON = 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20: 58213';
const NAMES = ['Nguyễn Văn Hùng', 'Trần Thị Mai Anh', 'Lê Đức Thọ', 'Phạm Ngọc Ánh'];
/** The public list once a signed checkpoint covers every row (the test checks that it does). */
type ProvenList = BeneficiariesView & { checkpoint: CheckpointView; items: (BeneficiaryView & { leafIndex: number; auditPath: string[] })[] };

/**
 * A whole lottery over HTTP, as a board, a supervising officer and a citizen live it (API.md
 * "Lottery (bốc thăm) anyone can replay", "Public lists of beneficiaries"): open, a file decided
 * after the freeze stays out, a wrong seed is refused, the draw, a replay from the public JSON
 * alone, allocations in ranking order, and the masked public list.
 */
describe('lottery round: open, freeze, draw, replay, allocate, publish', () => {
  let t: TestApp;
  let dataDir: string;
  const files: string[] = [];
  let late: string;
  const get = (path: string) => request(t.app.getHttpServer()).get(`/api/v1${path}`);
  const catchUp = () => t.app.get(ProjectionsService).catchUpAll();

  beforeAll(async () => {
    assertCliBuilt();
    t = await createTestApp();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-lottery-'));
    await registerProject(t, 'hp-bt');
    await boardPost(t, '/projects/hp-bt/units', { units: ['A-1', 'A-2', 'A-3'].map((unitNo) => ({ unitNo, floorAreaM2: 56, tenure: 'sale', priceVnd: 1_250_000_000 })) }).expect(201);
    for (const [i, fullName] of NAMES.entries()) {
      const id = await submitApplication(t, applicationBody('hp-bt', { applicant: { ...applicant, fullName, citizenId: `0311900004${String(i).padStart(2, '0')}` } }));
      await decideEligible(t, id);
      files.push(id);
    }
    // Submitted but never decided: not an entrant.
    await submitApplication(t, applicationBody('hp-bt', { applicant: { ...applicant, citizenId: '031190000499' } }));
    await catchUp();
  });
  afterAll(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  let lotteryId: string;
  it('opens: the commitment, the beacon source and the four eligible files frozen, sorted by id, with their hash', async () => {
    const res = await boardPost(t, '/projects/hp-bt/lotteries', { units: 3, commitment: commitmentOf(SEED), beaconSource: 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20' }).expect(201);
    lotteryId = bodyOf<LotteryOpenedResponse>(res).id;
    expect(res.body).toMatchObject({ id: 'hp-bt.1', entrantCount: 4 });
    const [opened] = await t.store.readStream('lottery-hp-bt');
    expect(opened.type).toBe('LotteryOpened');
    expect(opened.data.entrants).toEqual([...files].sort());
  });

  it('publishes the open lottery with no token, masked and cacheable; a file decided after the freeze is not an entrant', async () => {
    late = await submitApplication(t, applicationBody('hp-bt', { applicant: { ...applicant, fullName: 'Võ Thị Sáu', citizenId: '031190000477' } }));
    await decideEligible(t, late);
    const res = await get(`/public/lotteries/${lotteryId}`).expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    expect(res.body).toMatchObject({ id: lotteryId, projectId: 'hp-bt', status: 'open', units: 3, commitment: commitmentOf(SEED) });
    const lottery = bodyOf<PublicLotteryView>(res);
    expect(lottery.seed).toBeUndefined();
    expect(lottery.entrants.map((e) => e.applicationId)).not.toContain(late);
    expect(lottery.entrants.map((e) => e.applicant).sort()).toEqual(['Lê Đ. T.', 'Nguyễn V. H.', 'Phạm N. Á.', 'Trần T. M. A.']);
    expect(replayPublishedLottery(lottery)).toMatchObject({ ok: true, drawn: false });
  });

  it('refuses a second open lottery of the project: 409 LOTTERY_ALREADY_OPEN', async () => {
    const res = await boardPost(t, '/projects/hp-bt/lotteries', { units: 3, commitment: commitmentOf(SEED), beaconSource: 'khác' }).expect(409);
    expect(errorOf(res).code).toBe('LOTTERY_ALREADY_OPEN');
  });

  it('refuses a wrong seed with 409 SEED_MISMATCH, another province’s board with 403, an unknown lottery with 404, writing nothing', async () => {
    const before = await eventCount(t);
    expect(errorOf(await boardPost(t, `/lotteries/${lotteryId}/draw`, { seed: 'cd'.repeat(32), beacon: BEACON }).expect(409)).code).toBe('SEED_MISMATCH');
    await boardPost(t, `/lotteries/${lotteryId}/draw`, { seed: SEED, beacon: BEACON }, '01').expect(403);
    expect(errorOf(await boardPost(t, '/lotteries/hp-bt.2/draw', { seed: SEED, beacon: BEACON }).expect(404)).code).toBe('LOTTERY_NOT_FOUND');
    await boardPost(t, `/lotteries/${lotteryId}/draw`, { seed: 'not-hex', beacon: BEACON }).expect(400);
    expect(await eventCount(t)).toBe(before);
  });

  let ranking: { rank: number; applicationId: string; score: string }[];
  it('draws: the ranking, and each entrant’s PriorityRanked (ballot, the lottery’s rank), in one append', async () => {
    const res = await boardPost(t, `/lotteries/${lotteryId}/draw`, { seed: SEED, beacon: BEACON }).expect(201);
    ranking = bodyOf<LotteryDrawnResponse>(res).ranking;
    expect(res.body).toMatchObject({ ranked: 4, notRanked: [] });
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    for (const r of ranking) {
      const ranks = (await t.store.readStream(`application-${r.applicationId}`)).filter((e) => e.type === 'PriorityRanked');
      expect(ranks.map((e) => e.data)).toEqual([expect.objectContaining({ projectId: 'hp-bt', method: 'ballot', rank: r.rank })]);
    }
    expect((await t.store.readStream(`application-${late}`)).some((e) => e.type === 'PriorityRanked')).toBe(false);
    expect(errorOf(await boardPost(t, `/lotteries/${lotteryId}/draw`, { seed: SEED, beacon: BEACON }).expect(409)).code).toBe('ALREADY_DRAWN');
  });

  it('replays from the public JSON alone: the verify function and `noxh lottery verify FILE.json`', async () => {
    const published = bodyOf<PublicLotteryView>(await get(`/public/lotteries/${lotteryId}`).expect(200));
    expect(published).toMatchObject({ status: 'drawn', seed: SEED, beacon: BEACON, ranking });
    expect(replayPublishedLottery(published)).toMatchObject({ ok: true, drawn: true });
    const file = join(dataDir, 'lottery.json');
    await writeFile(file, JSON.stringify(published, null, 2));
    const env = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://nowhere.invalid:1/none' };
    const ok = await runCli(env, 'lottery', 'verify', file);
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain('ok: kết quả bốc thăm tính lại đúng từ seed, beacon và danh sách người tham gia đã công bố');
    // A ranking edited after the fact does not recompute.
    const swapped = { ...published, ranking: [ranking[1], ranking[0], ...ranking.slice(2)] };
    await writeFile(file, JSON.stringify(swapped));
    const bad = await runCli(env, 'lottery', 'verify', file);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('FAIL thứ tự (ranking): sai khác từ thứ hạng 1');
    expect(bad.stderr).toBe('noxh: kết quả bốc thăm đã công bố không tính lại được\n');
  });

  it('allocates in ranking order with no queue-jump or lottery finding, and refuses a new lottery once allocations exist', async () => {
    for (const [i, r] of ranking.slice(0, 3).entries()) {
      await boardPost(t, '/allocations', { applicationId: r.applicationId, unitNo: `A-${i + 1}`, projectId: 'hp-bt', decisionNo: `88/QĐ-SXD-${i}`,
        decidedBy: 'Hội đồng xét duyệt', decidedAt: '2026-01-10' }).expect(201);
    }
    await catchUp();
    const { rows } = await t.db.pool.query(`SELECT detector FROM findings WHERE detector IN ('queue-jump', 'lottery-integrity')`);
    expect(rows).toEqual([]);
    const res = await boardPost(t, '/projects/hp-bt/lotteries', { units: 1, commitment: commitmentOf(SEED), beaconSource: 'lần 2' }).expect(409);
    expect(errorOf(res).code).toBe('PROJECT_HAS_ALLOCATIONS');
  });

  it('publishes the beneficiaries masked, with each UnitAllocated event and hash; no proofs before a signed checkpoint', async () => {
    const res = await get('/public/projects/hp-bt/beneficiaries').expect(200);
    expect(res.headers['cache-control']).toBe('public, max-age=30');
    expect(res.body).toMatchObject({ projectId: 'hp-bt', name: 'Dự án hp-bt', provinceCode: '31', checkpoint: null });
    const { items } = bodyOf<BeneficiariesView>(res);
    expect(items.map((i) => i.unitNo)).toEqual(['A-1', 'A-2', 'A-3']);
    for (const item of items) {
      const [event] = (await t.store.readStream(`unit-hp-bt.${item.unitNo}`)).filter((e) => e.type === 'UnitAllocated');
      expect(item).toMatchObject({ eventId: event.eventId, hash: event.hash, householdSize: 1, leafIndex: null, auditPath: null });
      expect(item.citizenId).toMatch(/^031\*{6}4\d\d$/);
    }
    // Hex hashes and ids may hold twelve digits in a row by chance: only the personal fields are searched for a full citizen id.
    const body = JSON.stringify(items.map(({ hash: _hash, eventId: _eventId, ...personal }) => personal));
    for (const name of NAMES) expect(body).not.toContain(name);
    expect(body).not.toMatch(/\d{12}/);
  });

  let publicKeyFile: string;
  it('after a signed checkpoint, every row carries its inclusion proof, which verifies against the checkpoint’s signed root', async () => {
    await t.app.get(Checkpointer).checkpointNow();
    const list = bodyOf<ProvenList>(await get('/public/projects/hp-bt/beneficiaries').expect(200));
    const { keyId, publicKeyPem } = bodyOf<{ keyId: string; publicKeyPem: string }>(await get('/audit/public-key').expect(200));
    publicKeyFile = join(dataDir, 'checkpoint-key.pem');
    await writeFile(publicKeyFile, publicKeyPem);
    const cp = list.checkpoint;
    expect(cp).toMatchObject({ keyId, treeSize: expect.any(Number) });
    expect(verifyNoteSignature(cp.note, cp.signature, publicKeyFromPem(publicKeyPem))).toBe(true);
    expect(cp.note.split('\n')[1]).toBe(String(cp.treeSize));
    expect(Buffer.from(cp.note.split('\n')[2], 'base64').toString('hex')).toBe(cp.rootHash);
    const root = Buffer.from(cp.rootHash, 'hex');
    expect(list.items).toHaveLength(3);
    for (const item of list.items) {
      expect(item.leafIndex).toEqual(expect.any(Number));
      const path = item.auditPath.map((h: string) => Buffer.from(h, 'hex'));
      expect(verifyInclusion(item.leafIndex, cp.treeSize, eventLeafHash(item.hash), path, root)).toBe(true);
      // Another leaf's hash does not verify on this path.
      expect(verifyInclusion(item.leafIndex, cp.treeSize, eventLeafHash('00'.repeat(32)), path, root)).toBe(false);
    }
  });

  it('`noxh public-list verify` confirms the published list equals the project’s allocations', async () => {
    const env = { ...process.env, DATABASE_URL: t.db.url, DATA_DIR: dataDir, EVENT_STORE: 'postgres', LOG_LEVEL: 'silent' };
    const result = await runCli(env, 'public-list', 'verify', 'hp-bt', '--public-key', publicKeyFile);
    expect(result.stdout).toContain('ok: danh sách đã công bố của dự án hp-bt trùng với 3 căn đang phân bổ, và bằng chứng bao hàm (inclusion proof) của mọi dòng hợp lệ');
    expect(result.stdout).toContain('ok   bằng chứng của căn hộ A-1');
    expect(result.code).toBe(0);
    const list = bodyOf<ProvenList>(await get('/public/projects/hp-bt/beneficiaries').expect(200));
    const file = join(dataDir, 'list.json');
    const [first, ...rest] = list.items;
    await writeFile(file, JSON.stringify({ ...list, items: [{ ...first, auditPath: ['00'.repeat(32), ...first.auditPath.slice(1)] }, ...rest] }));
    const badProof = await runCli(env, 'public-list', 'verify', 'hp-bt', '--file', file, '--public-key', publicKeyFile);
    expect(badProof.stdout).toContain('FAIL bằng chứng của căn hộ A-1');
    expect(badProof.stderr).toBe('noxh: điểm kiểm tra hoặc bằng chứng bao hàm của danh sách đã công bố không hợp lệ\n');
    expect(badProof.code).toBe(1);
    await writeFile(file, JSON.stringify({ ...list, items: list.items.slice(1) }));
    const tampered = await runCli(env, 'public-list', 'verify', 'hp-bt', '--file', file);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('FAIL đúng các căn hộ đang được phân bổ trong sổ cái: 2 căn công bố, 3 căn đã phân bổ; chưa công bố: A-1');
    expect(tampered.stderr).toBe('noxh: danh sách đã công bố khác với sổ cái\n');
  });

  it('limits each address on the public endpoints: 429 with Retry-After past the limit', async () => {
    let last = 200;
    let retryAfter: string | undefined;
    for (let i = 0; i < 70 && last !== 429; i++) {
      const res = await get('/public/projects/hp-bt/beneficiaries');
      last = res.status;
      retryAfter = res.headers['retry-after'];
    }
    expect(last).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  });
});

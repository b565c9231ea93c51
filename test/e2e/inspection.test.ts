import { expect } from '@jest/globals';
import type { Stream } from 'node:stream';
import request from 'supertest';
import { findingId } from '../../projections/ledger/reconcile-findings';
import type { HouseholdMember } from '../../src/applications/domain/application.events';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';
import { ProjectionsService } from '../../src/projections/projections.service';
import type { Actor, Role } from '../../src/shared/actor';
import type { Clock } from '../../src/shared/clock';
import type { JsonObject } from '../../src/shared/json';
import { boardPost, eventCount } from '../support/board-api';
import { board, person, submitted } from '../support/ledger-harness';
import { seedApplication, seedProject } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import type { FindingPageView } from '../../src/inspection/findings/finding.view';
import type { FindingDetailView } from '../../src/inspection/queries/get-finding/finding-detail.view';
import type { PersonHistoryView } from '../../src/inspection/queries/people-history/person-history.view';
import type { ApplicationAsOfView } from '../../src/inspection/queries/application-as-of/application-as-of.view';
import type { ReviewRecordedResponse } from '../../src/inspection/commands/review-finding/review-finding.request.dto';
import type { ProgrammeProgressView } from '../../src/inspection/queries/programme-progress/programme-progress.view';
import { bodyOf, errorOf } from '../support/response-body';

/** Each reading a second later, from a fixed morning: event times are known and distinct (time travel). */
function tickingClock(start: string): Clock {
  let next = Date.parse(start);
  return { now: () => new Date((next += 1000)) };
}

const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');
const minh = person('031088004321', 'Trần Văn Minh', '1988-09-30', 'male');
const hoa = person('056195000111', 'Lê Thị Hoa', '1995-01-20', 'female');
const duc = person('031200000555', 'Phạm Văn Đức', '2000-05-05', 'male');
const hai: HouseholdMember = { ...person('031092007777', 'Vũ Văn Hải', '1992-07-07', 'male'), relation: 'spouse' };
const DUPLICATE = 'duplicate-applicant';
const idOf = (citizenId: string) => findingId(DUPLICATE, citizenId, 'citizen');
const binary = (res: Stream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

describe('inspectors’ endpoints', () => {
  let t: TestApp;
  const get = (path: string, role: Role = 'inspector', province?: string) =>
    request(t.app.getHttpServer()).get(`/api/v1${path}`).set(t.auth({ role, province, subject: `${role}-${province ?? 'vn'}` }));
  const write = async (stream: string, events: { type: string; data: object }[], actor: Actor = board('31')) =>
    (await t.store.append(stream, events.map((e) => ({ type: e.type, data: e.data as JsonObject })), { expectedRevision: 'any', actor })).events;
  const catchUp = () => t.app.get(ProjectionsService).catchUpAll();
  const reads = async () => (await t.store.readStream('audit-reads-2026-11-20')).map((e) => e.data as { actor: { subject: string }; what: { endpoint: string; ids: string[]; citizenIds: string[] } });

  beforeAll(async () => {
    t = await createTestApp(tickingClock('2026-11-20T08:00:00Z'));
    // Four duplicate-applicant findings, in this order of first sight:
    await write('application-ins-hp-1', [submitted(minh, { applicationId: 'ins-hp-1', projectId: 'hp-1', provinceCode: '31' })]);
    await write('application-ins-hd-1', [submitted(minh, { applicationId: 'ins-hd-1', projectId: 'hd-1', provinceCode: '30' })], board('30')); // 31 (Hải Dương merged in)
    await write('application-ins-kh-1', [submitted(hoa, { applicationId: 'ins-kh-1', projectId: 'kh-1', provinceCode: '56' })], board('56'));
    await write('application-ins-kh-2', [submitted(hoa, { applicationId: 'ins-kh-2', projectId: 'kh-2', provinceCode: '56' })], board('56')); // 56
    await write('application-ins-hp-2', [submitted(lan, { applicationId: 'ins-hp-2', projectId: 'hp-2', provinceCode: '31' })]);
    await write('application-ins-kh-3', [submitted(lan, { applicationId: 'ins-kh-3', projectId: 'kh-3', provinceCode: '56', household: [hai] })], board('56')); // 56, evidence of both
    await write('application-ins-hp-3', [submitted(duc, { applicationId: 'ins-hp-3', projectId: 'hp-3', provinceCode: '31' })]);
    await write('application-ins-hp-4', [submitted(duc, { applicationId: 'ins-hp-4', projectId: 'hp-4', provinceCode: '31' })]);
    await write('application-ins-hp-4', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'ins-hp-4', reason: 'Nộp nhầm', withdrawnAt: '2026-11-20' } }]); // closed
    await catchUp();
  });
  afterAll(() => t.close());

  describe('GET /findings', () => {
    it('lists the findings in the order the log first showed them, with total and no review yet', async () => {
      const res = await get(`/findings?detector=${DUPLICATE}`).expect(200);
      expect(res.body).toMatchObject({ total: 4, page: 1, pageSize: 50 });
      const { items } = bodyOf<FindingPageView>(res);
      expect(items.map((f) => f.id)).toEqual([idOf(minh.citizenId), idOf(hoa.citizenId), idOf(lan.citizenId), idOf(duc.citizenId)]);
      expect(items[0]).toMatchObject({ detector: DUPLICATE, provinceCode: '31', citizenIds: [minh.citizenId], status: 'open', review: null });
      expect(items[0].evidence).toHaveLength(2);
      expect(items[3]).toMatchObject({ status: 'closed', closedByEventId: expect.any(String) });
    });

    it('filters by status and province (a province includes those merged into it), and pages', async () => {
      const ids = async (query: string) => bodyOf<FindingPageView>(await get(`/findings?detector=${DUPLICATE}&${query}`).expect(200)).items.map((f) => f.id);
      expect(await ids('status=closed')).toEqual([idOf(duc.citizenId)]);
      expect(await ids('province=31')).toEqual([idOf(minh.citizenId), idOf(duc.citizenId)]);
      expect(await ids('province=30')).toEqual([idOf(minh.citizenId), idOf(duc.citizenId)]);
      expect(await ids('province=56&status=open')).toEqual([idOf(hoa.citizenId), idOf(lan.citizenId)]);
      const page2 = await get(`/findings?detector=${DUPLICATE}&page=2&pageSize=3`).expect(200);
      expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect(bodyOf<FindingPageView>(page2).items.map((f) => f.id)).toEqual([idOf(duc.citizenId)]);
    });

    it.each([
      ['page=0', /^page must not be less than 1$/],
      ['page=99999999999999999999', /^page must not be greater than 1000000000$/],
      ['pageSize=201', /^pageSize must not be greater than 200$/],
      ['pageSize=abc', /^pageSize must be an integer number$/],
      ['detector=gut-feeling', /^detector must be one of the following values/],
      ['status=maybe', /^status must be one of the following values: open, closed$/],
      ['province=HP', /^province must be a 2-digit province code$/],
      ['sort=id', /^property sort should not exist$/],
    ])('refuses %s with 400 naming the field', async (query, message) => {
      const res = await get(`/findings?${query}`).expect(400);
      expect(errorOf(res).messageEn).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
    });

    it('401 without a token, 403 for police; a board sees its own province only, 403 for another', async () => {
      await request(t.app.getHttpServer()).get('/api/v1/findings').expect(401);
      await get('/findings', 'police', '31').expect(403);
      const own = await get(`/findings?detector=${DUPLICATE}`, 'board', '31').expect(200);
      expect(bodyOf<FindingPageView>(own).items.map((f) => f.id)).toEqual([idOf(minh.citizenId), idOf(duc.citizenId)]);
      await get('/findings?province=56', 'board', '31').expect(403);
    });
  });

  describe('GET /findings/:id', () => {
    it('returns the finding with its evidence events in full, as the log holds them', async () => {
      const res = await get(`/findings/${idOf(lan.citizenId)}`).expect(200);
      const [hp] = await t.store.readStream('application-ins-hp-2');
      const [kh] = await t.store.readStream('application-ins-kh-3');
      expect(res.body).toMatchObject({ id: idOf(lan.citizenId), provinceCode: '56', citizenIds: [lan.citizenId], unavailableEvidence: [] });
      const finding = bodyOf<FindingDetailView>(res);
      expect(finding.evidenceEvents).toEqual([hp, kh].map((e) => expect.objectContaining({
        eventId: e.eventId, stream: e.stream, type: 'ApplicationSubmitted', revision: 0, hash: e.hash, prevHash: e.prevHash,
        globalPosition: e.globalPosition.toString(), position: { commit: e.position.commit.toString(), prepare: e.position.prepare.toString() },
      })));
      expect(finding.evidenceEvents[1].data.household).toEqual([hai]);
    });

    it('shows a board its own province’s finding without the evidence another province wrote; 403 for another province’s finding', async () => {
      const res = await get(`/findings/${idOf(lan.citizenId)}`, 'board', '56').expect(200);
      const finding = bodyOf<FindingDetailView>(res);
      expect(finding.evidenceEvents.map((e) => e.stream)).toEqual(['application-ins-kh-3']);
      expect(finding.unavailableEvidence).toEqual([{ eventId: expect.any(String), stream: 'application-ins-hp-2', reason: 'another-province' }]);
      await get(`/findings/${idOf(lan.citizenId)}`, 'board', '31').expect(403);
      await get(`/findings/${idOf(lan.citizenId)}`, 'police', '56').expect(403);
    });

    it('404 for an unknown finding, 400 for an id that is not one', async () => {
      expect(errorOf(await get('/findings/duplicate-applicant-0000').expect(404)).code).toBe('FINDING_NOT_FOUND');
      await get('/findings/a.b').expect(400);
    });
  });

  describe('POST /findings/:id/review', () => {
    const review = (id: string, body: object, role: Role = 'inspector', headers: Record<string, string> = {}) =>
      request(t.app.getHttpServer()).post(`/api/v1/findings/${id}/review`).set(t.auth({ role, subject: 'thanh-tra-an' })).set(headers).send(body);

    it('records the review as FindingReviewed on finding-{id}; the list shows the latest once projected', async () => {
      const id = idOf(hoa.citizenId);
      const first = await review(id, { verdict: 'dismissed', note: 'Hai hồ sơ của cùng một người, đã rút một' }).expect(201);
      const res = await review(id, { verdict: 'confirmed', note: 'Xác nhận: nộp hồ sơ ở hai dự án Khánh Hòa cùng lúc' }).expect(201);
      expect(res.body).toMatchObject({ findingId: id, verdict: 'confirmed', reviewedBy: 'thanh-tra-an', eventId: expect.any(String) });
      const recorded = bodyOf<ReviewRecordedResponse>(res);
      const events = await t.store.readStream(`finding-${id}`);
      expect(events.map((e) => [e.type, e.eventId, e.data.verdict])).toEqual([
        ['FindingReviewed', bodyOf<ReviewRecordedResponse>(first).eventId, 'dismissed'],
        ['FindingReviewed', recorded.eventId, 'confirmed'],
      ]);
      expect(events[1].data).toEqual({ findingId: id, verdict: 'confirmed', note: recorded.note, reviewedBy: 'thanh-tra-an', reviewedAt: recorded.reviewedAt });

      await catchUp();
      const listed = bodyOf<FindingPageView>(await get(`/findings?detector=${DUPLICATE}&province=56`).expect(200)).items.find((f) => f.id === id);
      expect(listed?.review).toEqual({ verdict: 'confirmed', note: recorded.note, reviewedBy: 'thanh-tra-an', reviewedAt: recorded.reviewedAt, eventId: recorded.eventId });
    });

    it('returns the first response to a repeated Idempotency-Key and writes nothing new', async () => {
      const key = { 'Idempotency-Key': 'review-minh-1' };
      const body = { verdict: 'confirmed', note: 'Một người, hai hồ sơ ở Hải Phòng và Hải Dương (cũ)' };
      const first = await review(idOf(minh.citizenId), body, 'inspector', key).expect(201);
      const before = await eventCount(t);
      expect((await review(idOf(minh.citizenId), body, 'inspector', key).expect(201)).body).toEqual(first.body);
      expect(await eventCount(t)).toBe(before);
    });

    it('refuses boards and admins (403), an unknown finding (404) and a bad body (400), writing nothing', async () => {
      const before = await eventCount(t);
      await review(idOf(minh.citizenId), { verdict: 'confirmed', note: 'x' }, 'admin').expect(403);
      await review(idOf(minh.citizenId), { verdict: 'confirmed', note: 'x' }, 'board').expect(403);
      expect(errorOf(await review('duplicate-applicant-0000', { verdict: 'confirmed', note: 'x' }).expect(404)).code).toBe('FINDING_NOT_FOUND');
      const bad = await review(idOf(minh.citizenId), { verdict: 'maybe', note: ' ' }).expect(400);
      expect(errorOf(bad).messageEn).toEqual(expect.arrayContaining([expect.stringMatching(/^verdict must be one of/), 'note must not be blank']));
      expect(await eventCount(t)).toBe(before);
    });
  });

  describe('GET /people/:citizenId/history', () => {
    it('returns every event naming the citizen, as applicant or household member, in log order', async () => {
      const res = await get(`/people/${lan.citizenId}/history`).expect(200);
      expect(bodyOf<PersonHistoryView>(res).events.map((e) => e.stream)).toEqual(['application-ins-hp-2', 'application-ins-kh-3']);
      const spouse = await get(`/people/${hai.citizenId}/history`).expect(200);
      expect(bodyOf<PersonHistoryView>(spouse).events.map((e) => [e.stream, e.type])).toEqual([['application-ins-kh-3', 'ApplicationSubmitted']]);
      const positions = bodyOf<PersonHistoryView>(await get(`/people/${duc.citizenId}/history`).expect(200)).events.map((e) => e.position);
      expect(positions).toHaveLength(2);
      expect(BigInt(positions[0].commit) < BigInt(positions[1].commit)).toBe(true);
      expect((await get('/people/031190009999/history').expect(200)).body).toEqual({ citizenId: '031190009999', events: [], withheld: 0 });
    });

    it('400 for a malformed citizen id; a board sees what its province wrote; police 403', async () => {
      for (const id of ['03119000123', '0311900012345', '03119000123x']) {
        const res = await get(`/people/${id}/history`).expect(400);
        expect(errorOf(res).messageEn).toEqual(['citizenId must be exactly 12 digits']);
      }
      const own = await get(`/people/${lan.citizenId}/history`, 'board', '31').expect(200);
      expect(own.body).toMatchObject({ events: [expect.objectContaining({ stream: 'application-ins-hp-2' })], withheld: 1 });
      await get(`/people/${lan.citizenId}/history`, 'police', '31').expect(403);
    });
  });

  describe('GET /applications/:id?asOf=', () => {
    let submittedAt: string;
    let withdrawnAt: string;
    beforeAll(async () => {
      const mai = person('031185000999', 'Hoàng Thị Mai', '1985-03-08', 'female');
      await write('application-asof-1', [submitted(mai, { applicationId: 'asof-1', projectId: 'hp-9', provinceCode: '31' })]);
      await boardPost(t, '/applications/asof-1/withdrawal', { reason: 'Đã mua nhà thương mại' }).expect(201);
      [submittedAt, withdrawnAt] = (await t.store.readStream('application-asof-1')).map((e) => e.metadata.recordedAt);
    });
    const at = (instant: string, deltaMs: number) => encodeURIComponent(new Date(Date.parse(instant) + deltaMs).toISOString());

    it('shows the application open before its withdrawal and withdrawn after, with the events used', async () => {
      const before = await get(`/applications/asof-1?asOf=${at(withdrawnAt, -1)}`).expect(200);
      expect(bodyOf<ApplicationAsOfView>(before).state).toMatchObject({ status: 'open', applicationId: 'asof-1', citizenId: '031185000999', currentlyEligible: false });
      expect(bodyOf<ApplicationAsOfView>(before).events.map((e) => e.type)).toEqual(['ApplicationSubmitted']);
      const after = await get(`/applications/asof-1?asOf=${at(withdrawnAt, 0)}`).expect(200);
      expect(bodyOf<ApplicationAsOfView>(after).state.status).toBe('withdrawn');
      expect(bodyOf<ApplicationAsOfView>(after).events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'ApplicationWithdrawn']);
      expect(bodyOf<ApplicationAsOfView>(await get('/applications/asof-1').expect(200)).state.status).toBe('withdrawn');
    });

    it('404 before it was submitted or for an unknown id; 400 for a bad instant; 403 for another province’s board', async () => {
      expect(errorOf(await get(`/applications/asof-1?asOf=${at(submittedAt, -1)}`).expect(404)).code).toBe('APPLICATION_NOT_FOUND');
      await get('/applications/nobody').expect(404);
      const bad = await get('/applications/asof-1?asOf=yesterday').expect(400);
      expect(errorOf(bad).messageEn).toEqual(['asOf must be a real ISO date (YYYY-MM-DD) or instant']);
      await get('/applications/asof-1', 'board', '56').expect(403);
      await get('/applications/asof-1', 'board', '31').expect(200);
    });
  });

  describe('GET /programmes/:provinceCode/progress', () => {
    beforeAll(async () => {
      await seedProject(t, 'pr-hp', '31', [{ unitNo: 'P-1' }, { unitNo: 'P-2' }, { unitNo: 'P-3' }]);
      await seedProject(t, 'pr-hd', '30', [{ unitNo: 'D-1' }, { unitNo: 'D-2' }]);
      await boardPost(t, '/programmes/31/targets', { period: '2021-2025', units: 15_400 }).expect(201);
      await boardPost(t, '/programmes/31/targets', { period: '2026-2030', units: 18_100 }).expect(201);
      await boardPost(t, '/programmes/30/targets', { period: '2021-2025', units: 5_860 }, '30').expect(201);
      const decision = { decisionNo: '1532/QĐ-SXD', decidedBy: 'Nguyễn Văn An', decidedAt: '2025-06-01' };
      await seedApplication(t, { applicationId: 'pr-a1', projectId: 'pr-hp', citizenId: '031190300001', province: '31' });
      await seedApplication(t, { applicationId: 'pr-a2', projectId: 'pr-hd', citizenId: '030190300002', province: '30' });
      await boardPost(t, '/allocations', { applicationId: 'pr-a1', projectId: 'pr-hp', unitNo: 'P-1', ...decision }).expect(201);
      await boardPost(t, '/allocations', { applicationId: 'pr-a2', projectId: 'pr-hd', unitNo: 'D-1', ...decision }, '30').expect(201);
      await boardPost(t, '/units/pr-hp/P-1/handover', { handedOverAt: '2025-12-01', contractNo: 'HĐ-2025/001' }).expect(201);
      await catchUp();
    });

    it('counts Hải Phòng with Hải Dương merged into it, against the summed targets, and each apart', async () => {
      const res = await get('/programmes/31/progress').expect(200);
      expect(res.body).toMatchObject({ provinceCode: '31', provinces: ['30', '31'], projects: 2, plannedUnits: 1000, released: 5, allocated: 2, handedOver: 1 });
      expect(bodyOf<ProgrammeProgressView>(res).targets).toEqual([
        { period: '2021-2025', units: 21_260, handedOverInPeriod: 1, share: 0 },
        { period: '2026-2030', units: 18_100, handedOverInPeriod: 0, share: 0 },
      ]);
      expect(bodyOf<ProgrammeProgressView>(res).byProvince).toEqual([
        expect.objectContaining({ provinceCode: '30', released: 2, allocated: 1, handedOver: 0, targets: [expect.objectContaining({ period: '2021-2025', units: 5_860 })] }),
        expect.objectContaining({ provinceCode: '31', released: 3, allocated: 1, handedOver: 1 }),
      ]);
    });

    it('lets a board read its own province only; police 403; 400 for a bad code', async () => {
      await get('/programmes/31/progress', 'board', '31').expect(200);
      await get('/programmes/31/progress', 'board', '56').expect(403);
      await get('/programmes/31/progress', 'police', '31').expect(403);
      await get('/programmes/HP/progress').expect(400);
      expect((await get('/programmes/56/progress').expect(200)).body).toMatchObject({ released: 0, targets: [] });
    });
  });

  describe('GET /findings/export', () => {
    it('writes CSV with a byte-order mark, a header and one row per finding with its evidence event ids', async () => {
      const res = await get(`/findings/export?format=csv&detector=${DUPLICATE}`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/csv/);
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="noxh-findings-2026-11-20\.csv"$/);
      const body = res.body as Buffer;
      expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = body.toString('utf8').slice(1).trimEnd().split('\r\n');
      expect(lines[0]).toBe('Mã phát hiện,Bộ phát hiện,Mức độ,Mã tỉnh,Trạng thái,Số CCCD,Tóm tắt,Sự kiện bằng chứng,Luồng bằng chứng,' +
        'Sự kiện phát hiện đầu tiên,Vị trí phát hiện đầu tiên,Sự kiện đóng,Kết luận xem xét,Ghi chú xem xét,Người xem xét,Thời điểm xem xét');
      expect(lines).toHaveLength(5);
      const hoaRow = lines.find((l) => l.startsWith(idOf(hoa.citizenId))) as string;
      const evidence = (await t.store.readStream('application-ins-kh-1'))[0].eventId;
      expect(hoaRow).toContain(evidence);
      expect(hoaRow).toContain('Xác nhận: nộp hồ sơ ở hai dự án Khánh Hòa cùng lúc');
    });

    it('writes XLSX that reads back with the same rows, Vietnamese intact and ids as text', async () => {
      const res = await get(`/findings/export?format=xlsx&detector=${DUPLICATE}&province=56`).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const workbook = new (await loadExcelJS()).Workbook();
      await workbook.xlsx.load(Uint8Array.from(res.body as Buffer).buffer);
      const sheet = workbook.getWorksheet('Phát hiện');
      const rows = (sheet?.getSheetValues() ?? []).filter(Boolean).map((r) => (r as unknown[]).slice(1));
      expect(rows[0][0]).toBe('Mã phát hiện');
      expect(rows.slice(1).map((r) => r[0])).toEqual([idOf(hoa.citizenId), idOf(lan.citizenId)]);
      expect(rows[1][5]).toBe(hoa.citizenId);
      expect(rows[1][13]).toBe('Xác nhận: nộp hồ sơ ở hai dự án Khánh Hòa cùng lúc');
    });

    it('exports a board’s own province only; 400 for an unknown format; police 403', async () => {
      const res = await get(`/findings/export?format=csv&detector=${DUPLICATE}`, 'board', '56').buffer(true).parse(binary).expect(200);
      expect((res.body as Buffer).toString('utf8').trimEnd().split('\r\n')).toHaveLength(3);
      await get('/findings/export?format=csv&province=31', 'board', '56').expect(403);
      const bad = await get('/findings/export?format=pdf').expect(400);
      expect(errorOf(bad).messageEn).toEqual(['format must be one of the following values: csv, xlsx']);
      await get('/findings/export?format=csv', 'police', '31').expect(403);
    });
  });

  describe('personal-data reads (who, what, when)', () => {
    it('records each inspector read as PersonalDataRead on the UTC day’s audit-reads stream, and no board read', async () => {
      const before = (await reads()).length;
      await get(`/people/${duc.citizenId}/history`).expect(200);
      await get(`/findings/${idOf(lan.citizenId)}`).expect(200);
      await get('/applications/asof-1').expect(200);
      await get(`/findings?detector=${DUPLICATE}&province=31`).expect(200);
      await get(`/findings/export?format=csv&detector=${DUPLICATE}`).expect(200);
      await get(`/people/${duc.citizenId}/history`, 'board', '31').expect(200);
      await get('/findings?status=closed&detector=nope').expect(400);

      const recorded = (await reads()).slice(before);
      expect(recorded).toEqual([
        { actor: { subject: 'inspector-vn', role: 'inspector', province: null }, what: { endpoint: 'GET /api/v1/people/:citizenId/history', ids: [duc.citizenId], citizenIds: [duc.citizenId] }, at: expect.stringMatching(/^2026-11-20T/) },
        expect.objectContaining({ what: { endpoint: 'GET /api/v1/findings/:id', ids: [idOf(lan.citizenId)], citizenIds: [lan.citizenId] } }),
        expect.objectContaining({ what: { endpoint: 'GET /api/v1/applications/:id', ids: ['asof-1'], citizenIds: ['031185000999'] } }),
        expect.objectContaining({ what: { endpoint: 'GET /api/v1/findings', ids: [idOf(minh.citizenId), idOf(duc.citizenId)], citizenIds: [minh.citizenId, duc.citizenId] } }),
        expect.objectContaining({ what: expect.objectContaining({ endpoint: 'GET /api/v1/findings/export?format=csv', ids: expect.arrayContaining([idOf(hoa.citizenId)]) }) }),
      ]);
      const [event] = (await t.store.readStream('audit-reads-2026-11-20')).slice(before);
      expect(event.metadata.actor).toEqual({ subject: 'inspector-vn', role: 'inspector' });
    });

    it('leaves the records of reads out of a person’s history', async () => {
      const res = await get(`/people/${duc.citizenId}/history`).expect(200);
      expect(bodyOf<PersonHistoryView>(res).events.every((e) => e.stream.startsWith('application-'))).toBe(true);
    });
  });

  it('describes every inspector endpoint in the OpenAPI document', () => {
    const paths = Object.keys(buildOpenApiDocument(t.app).paths);
    expect(paths).toEqual(expect.arrayContaining([
      '/api/v1/findings', '/api/v1/findings/{id}', '/api/v1/findings/{id}/review', '/api/v1/findings/export',
      '/api/v1/people/{citizenId}/history', '/api/v1/applications/{id}', '/api/v1/programmes/{provinceCode}/progress',
    ]));
  });
});

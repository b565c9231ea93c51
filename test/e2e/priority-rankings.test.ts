import { expect } from '@jest/globals';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { applicant, applicationBody, decideEligible, decisionBody, postAs, registerProject, submitApplication } from '../support/application-requests';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorOf } from '../support/response-body';

describe('POST /api/v1/projects/:id/priority-rankings (bốc thăm / xét ưu tiên)', () => {
  let t: TestApp;
  let serial = 0;
  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-trang-cat', '31');
    await registerProject(t, 'hp-vinh-niem', '31');
  });
  afterAll(() => t.close());

  /** A file of `projectId`, its own applicant; eligible unless told otherwise. */
  async function file(projectId = 'hp-trang-cat', eligible = true): Promise<string> {
    serial += 1;
    const citizenId = `0311910${String(serial).padStart(5, '0')}`;
    const id = await submitApplication(t, applicationBody(projectId, { applicant: { ...applicant, citizenId } }));
    if (eligible) await decideEligible(t, id);
    return id;
  }
  const rank = (ranking: string[], projectId = 'hp-trang-cat', province = '31', headers: Record<string, string> = {}) =>
    boardPost(t, `/projects/${projectId}/priority-rankings`, { method: 'ballot', ranking }, province, headers);
  const ranksOf = async (id: string) => (await t.store.readStream(`application-${id}`)).filter((e) => e.type === 'PriorityRanked');

  /** A refusal must rank no one: not even the applications listed before the refused one. */
  async function expectRefused(ranking: string[], status: number, code: string): Promise<void> {
    const before = await eventCount(t);
    const res = await rank(ranking).expect(status);
    expect(errorOf(res).code).toBe(code);
    expect(await eventCount(t)).toBe(before);
    for (const id of ranking) expect(await ranksOf(id)).toEqual([]);
  }

  it('records one PriorityRanked per application, rank = position, all in one transaction', async () => {
    const [a, b, c] = [await file(), await file(), await file()];
    const res = await rank([b, c, a]).expect(201);
    expect(res.body).toEqual({ ranked: 3 });

    const events = await Promise.all([b, c, a].map(async (id) => (await ranksOf(id))[0]));
    expect(events.map((e) => [e.type, e.stream, e.data.applicationId, e.data.projectId, e.data.method, e.data.rank])).toEqual([
      ['PriorityRanked', `application-${b}`, b, 'hp-trang-cat', 'ballot', 1],
      ['PriorityRanked', `application-${c}`, c, 'hp-trang-cat', 'ballot', 2],
      ['PriorityRanked', `application-${a}`, a, 'hp-trang-cat', 'ballot', 3],
    ]);
    expect(new Set(events.map((e) => e.data.rankedAt)).size).toBe(1);
    expect(new Set(events.map((e) => e.position.commit))).toEqual(new Set([events[0].position.commit]));
  });

  it('records the scoring method too', async () => {
    const id = await file();
    await boardPost(t, '/projects/hp-trang-cat/priority-rankings', { method: 'score', ranking: [id] }).expect(201);
    expect((await ranksOf(id))[0].data).toMatchObject({ method: 'score', rank: 1 });
  });

  it('refuses a ranking with an application not eligible: 409 NOT_ELIGIBLE, no one ranked', async () => {
    await expectRefused([await file(), await file('hp-trang-cat', false)], 409, 'NOT_ELIGIBLE');
  });

  it('refuses a ranking with an application judged ineligible: 409 NOT_ELIGIBLE', async () => {
    const judged = await file('hp-trang-cat', false);
    await boardPost(t, `/applications/${judged}/eligibility-decisions`, decisionBody({ outcome: 'ineligible' })).expect(201);
    await expectRefused([await file(), judged], 409, 'NOT_ELIGIBLE');
  });

  it('refuses a ranking with another project’s application: 409 APPLICATION_PROJECT_MISMATCH', async () => {
    await expectRefused([await file(), await file('hp-vinh-niem')], 409, 'APPLICATION_PROJECT_MISMATCH');
  });

  it('refuses a ranking with a withdrawn application: 409 APPLICATION_WITHDRAWN', async () => {
    const withdrawn = await file();
    await boardPost(t, `/applications/${withdrawn}/withdrawal`, { reason: 'Rút hồ sơ' }).expect(201);
    await expectRefused([await file(), withdrawn], 409, 'APPLICATION_WITHDRAWN');
  });

  it('refuses a ranking with an unknown application: 404 APPLICATION_NOT_FOUND', async () => {
    await expectRefused([await file(), 'hs-unknown'], 404, 'APPLICATION_NOT_FOUND');
  });

  it('answers 404 PROJECT_NOT_FOUND for an unknown project', async () => {
    const id = await file();
    const before = await eventCount(t);
    const res = await rank([id], 'hp-unknown').expect(404);
    expect(errorOf(res).code).toBe('PROJECT_NOT_FOUND');
    expect(await eventCount(t)).toBe(before);
  });

  it('forbids another province’s board, inspectors and police (403), writing nothing', async () => {
    const id = await file();
    const before = await eventCount(t);
    await rank([id], 'hp-trang-cat', '56').expect(403);
    for (const role of ['inspector', 'police'] as const) {
      await postAs(t, role, '/projects/hp-trang-cat/priority-rankings', { method: 'ballot', ranking: [id] }).expect(403);
    }
    expect(await eventCount(t)).toBe(before);
  });

  it('answers a repeated Idempotency-Key with the first response and writes nothing', async () => {
    const ranking = [await file(), await file()];
    const key = { 'Idempotency-Key': 'ballot-1' };
    const first = await rank(ranking, 'hp-trang-cat', '31', key).expect(201);
    const before = await eventCount(t);
    const again = await rank(ranking, 'hp-trang-cat', '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses bad input with 400, naming the field, and writes nothing', async () => {
    const id = await file();
    await expectRefusedWithoutWrites(t, '/projects/hp-trang-cat/priority-rankings', [
      ['no body', {}, /^method is required$/],
      ['unknown method', { method: 'auction', ranking: [id] }, /^method must be one of/],
      ['no ranking', { method: 'ballot' }, /^ranking is required$/],
      ['empty ranking', { method: 'ballot', ranking: [] }, /^ranking must contain at least 1 elements/],
      ['an application twice', { method: 'ballot', ranking: [id, 'x', id] }, /^ranking must not name an application twice/],
      ['a bad id', { method: 'ballot', ranking: [id, 'a.b'] }, /^each value in ranking must be an application id/],
      ['an id as number', { method: 'ballot', ranking: [7] }, /^each value in ranking must be a string/],
      ['5001 ids', { method: 'ballot', ranking: Array.from({ length: 5001 }, (_, i) => `hs-${i}`) }, /^ranking must contain no more than 5000 elements/],
      ['unknown field', { method: 'ballot', ranking: [id], supervisedBy: 'Sở' }, /^property supervisedBy should not exist/],
    ]);
    await expectRefusedWithoutWrites(t, '/projects/hp.bad/priority-rankings', [['project id with a dot', { method: 'ballot', ranking: [id] }, /^id must be 1 to 64 letters/]]);
    expect(await ranksOf(id)).toEqual([]);
  });

  it('is described in the OpenAPI document with its path parameter and body', () => {
    const doc = buildOpenApiDocument(t.app);
    const operation = doc.paths['/api/v1/projects/{id}/priority-rankings'].post;
    expect(operation?.tags).toEqual(['boards']);
    expect(operation?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]));
    expect(JSON.stringify(doc.components?.schemas?.RecordPriorityRankingRequest)).toContain('ballot');
  });
});

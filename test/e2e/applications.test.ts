import { expect } from '@jest/globals';
import type { WithdrawnResponse } from '../../src/applications/commands/withdraw-application/withdraw-application.request.dto';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { applicant, applicationBody, child, postAs, registerProject, spouse, submitApplication } from '../support/application-requests';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

describe('POST /api/v1/applications (tiếp nhận hồ sơ)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-trang-cat', '31');
    await registerProject(t, 'hp-vinh-niem', '31');
    await registerProject(t, 'kh-cam-ranh', '56');
  });
  afterAll(() => t.close());

  it('records ApplicationSubmitted with the project’s province and the declaration as plain data', async () => {
    const body = applicationBody('hp-trang-cat', {
      id: 'hs-0001',
      household: [spouse, child],
      housing: { ownsHome: true, floorAreaPerPersonM2: 9 },
    });
    const res = await boardPost(t, '/applications', body).expect(201);
    expect(res.body).toEqual({ id: 'hs-0001' });

    const events = await t.store.readStream('application-hs-0001');
    expect(events).toHaveLength(1);
    expect(events[0].type).toBe('ApplicationSubmitted');
    expect(events[0].data).toEqual({
      applicationId: 'hs-0001',
      projectId: 'hp-trang-cat',
      provinceCode: '31',
      tenure: 'sale',
      applicant,
      // A member without a gender is recorded with gender null.
      household: [spouse, { ...child, gender: null }],
      category: 'worker',
      monthlyIncomeVnd: 14_500_000,
      housing: { ownsHome: true, floorAreaPerPersonM2: 9 },
      submittedAt: '2025-09-15T09:30:00+07:00',
      receivedBy: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng',
    });
    expect(events[0].metadata.actor).toEqual({ subject: 'board-31', role: 'board', province: '31' });
  });

  it('generates an id when none is given, and records 0 m² for someone who owns no home and states none', async () => {
    const id = await submitApplication(t, applicationBody('hp-trang-cat', { applicant: { ...applicant, citizenId: '031190009999' } }));
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [event] = await t.store.readStream(`application-${id}`);
    expect(event.data.housing).toEqual({ ownsHome: false, floorAreaPerPersonM2: 0 });
  });

  it('accepts the same citizen applying to another project and in another province: detectors judge it', async () => {
    const citizen = { ...applicant, citizenId: '031190005555' };
    const first = await submitApplication(t, applicationBody('hp-trang-cat', { applicant: citizen }));
    const sameProvince = await submitApplication(t, applicationBody('hp-vinh-niem', { applicant: citizen }));
    const otherProvince = await submitApplication(t, applicationBody('kh-cam-ranh', { applicant: citizen }), '56');

    const submitted = await Promise.all([first, sameProvince, otherProvince].map((id) => t.store.readStream(`application-${id}`)));
    expect(submitted.map(([e]) => [e.type, e.data.projectId, e.data.provinceCode, (e.data.applicant as { citizenId: string }).citizenId])).toEqual([
      ['ApplicationSubmitted', 'hp-trang-cat', '31', '031190005555'],
      ['ApplicationSubmitted', 'hp-vinh-niem', '31', '031190005555'],
      ['ApplicationSubmitted', 'kh-cam-ranh', '56', '031190005555'],
    ]);
  });

  it('answers 404 PROJECT_NOT_FOUND for an unknown project, writing nothing', async () => {
    const before = await eventCount(t);
    const res = await boardPost(t, '/applications', applicationBody('hp-unknown')).expect(404);
    expect(errorOf(res).code).toBe('PROJECT_NOT_FOUND');
    expect(await eventCount(t)).toBe(before);
  });

  it('forbids a board to receive a file for another province’s project (403), writing nothing', async () => {
    const before = await eventCount(t);
    await boardPost(t, '/applications', applicationBody('hp-trang-cat'), '56').expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses inspectors and police (403)', async () => {
    const before = await eventCount(t);
    for (const role of ['inspector', 'police'] as const) await postAs(t, role, '/applications', applicationBody('hp-trang-cat')).expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses a chosen id already taken with 409 APPLICATION_ALREADY_SUBMITTED, writing nothing', async () => {
    await submitApplication(t, applicationBody('hp-trang-cat', { id: 'hs-twice' }));
    const before = await eventCount(t);
    const res = await boardPost(t, '/applications', applicationBody('hp-trang-cat', { id: 'hs-twice' })).expect(409);
    expect(errorOf(res).code).toBe('APPLICATION_ALREADY_SUBMITTED');
    expect(await eventCount(t)).toBe(before);
  });

  it('20 concurrent submissions under one chosen id: one 201, the others 409 APPLICATION_ALREADY_SUBMITTED, one event', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => applicationBody('hp-trang-cat', { id: 'hs-race', applicant: { ...applicant, citizenId: `03119000${String(6000 + i)}` } }));
    const answers = await Promise.all(bodies.map((body) => boardPost(t, '/applications', body)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, ...Array<number>(19).fill(409)]);
    expect(answers.filter((a) => a.status === 409).map((a) => (a.body as { code: string }).code)).toEqual(Array<string>(19).fill('APPLICATION_ALREADY_SUBMITTED'));
    expect(await t.store.readStream('application-hs-race')).toHaveLength(1);
  });

  it('writes every one of 30 concurrent submissions exactly once, each answered with a log position that covers it', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `hs-burst-${String(i)}`);
    const answers = await Promise.all(ids.map((id, i) => boardPost(t, '/applications', applicationBody(i % 2 === 0 ? 'hp-trang-cat' : 'hp-vinh-niem', { id }))));
    expect(answers.map((a) => a.status)).toEqual(ids.map(() => 201));
    const read = await t.store.readStreams(ids.map((id) => `application-${id}`));
    for (const [i, id] of ids.entries()) {
      const events = read.get(`application-${id}`) ?? [];
      expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted']);
      const [commit, prepare] = answers[i].headers['x-ledger-position'].split('/').map(BigInt);
      const written = events[0].position;
      expect(commit > written.commit || (commit === written.commit && prepare >= written.prepare)).toBe(true);
    }
  });

  it('answers a repeated Idempotency-Key with the first response and writes nothing', async () => {
    const key = { 'Idempotency-Key': 'submit-1' };
    const body = applicationBody('hp-trang-cat', { applicant: { ...applicant, citizenId: '031190007777' } });
    const first = await boardPost(t, '/applications', body, '31', key).expect(201);
    const before = await eventCount(t);
    const again = await boardPost(t, '/applications', body, '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
    // The repeat too gives a position its client can read its write at.
    const [commit, prepare] = again.headers['x-ledger-position'].split('/').map(BigInt);
    const [written] = await t.store.readStream(`application-${(first.body as { id: string }).id}`);
    expect(commit > written.position.commit || (commit === written.position.commit && prepare >= written.position.prepare)).toBe(true);
  });

  it('refuses bad input with 400, naming the field (household members by index), and writes nothing', async () => {
    const body = applicationBody('hp-trang-cat');
    const member = (overrides: object) => ({ ...spouse, ...overrides });
    await expectRefusedWithoutWrites(t, '/applications', [
      ['no body', {}, /^projectId is required$/],
      ['project id with a dot', { ...body, projectId: 'hp.x' }, /^projectId must be 1 to 64 letters/],
      ['id with a space', { ...body, id: 'hs 1' }, /^id must be 1 to 64 letters/],
      ['unknown tenure', { ...body, tenure: 'gift' }, /^tenure must be one of/],
      ['unknown category', { ...body, category: 'rich' }, /^category must be one of/],
      ['no applicant', { ...body, applicant: undefined }, /^applicant should not be null or undefined/],
      ['applicant as text', { ...body, applicant: 'Lan' }, /^applicant must be an object$/],
      ['applicant id of 11 digits', { ...body, applicant: { ...applicant, citizenId: '03119000123' } }, /^applicant\.citizenId must be exactly 12 digits$/],
      ['applicant blank name', { ...body, applicant: { ...applicant, fullName: '  ' } }, /^applicant\.fullName must not be blank/],
      ['birth on 30 February', { ...body, applicant: { ...applicant, dateOfBirth: '1990-02-30' } }, /^applicant\.dateOfBirth must be a real date YYYY-MM-DD/],
      ['birth as an instant', { ...body, applicant: { ...applicant, dateOfBirth: '1990-04-12T00:00:00Z' } }, /^applicant\.dateOfBirth must be a real date/],
      ['birth in the future', { ...body, applicant: { ...applicant, dateOfBirth: '2099-01-01' } }, /^applicant\.dateOfBirth .*not in the future/],
      ['unknown gender', { ...body, applicant: { ...applicant, gender: 'x' } }, /^applicant\.gender must be one of/],
      ['relation on the applicant', { ...body, applicant: { ...applicant, relation: 'spouse' } }, /^applicant\.property relation should not exist/],
      ['household not a list', { ...body, household: spouse }, /^household must be an array/],
      ['bad id of member 1', { ...body, household: [child, member({ citizenId: '12345' })] }, /^household\.1\.citizenId must be exactly 12 digits$/],
      ['member without relation', { ...body, household: [{ ...child, relation: undefined }] }, /^household\.0\.relation is required$/],
      ['unknown relation', { ...body, household: [member({ relation: 'cousin' })] }, /^household\.0\.relation must be one of/],
      ['two spouses', { ...body, household: [spouse, child, member({ citizenId: '031088004322' })] }, /^household\.2\.relation must not name a second spouse \(household\.0/],
      ['applicant in household', { ...body, household: [child, member({ citizenId: applicant.citizenId })] }, /^household\.1\.citizenId must not repeat the applicant's citizen id$/],
      ['member twice', { ...body, household: [child, spouse, { ...child }] }, /^household\.2\.citizenId must not repeat household\.0\.citizenId$/],
      ['31 members', { ...body, household: Array.from({ length: 31 }, (_, i) => ({ ...child, citizenId: `0312150${String(i).padStart(5, '0')}` })) }, /^household must contain no more than 30/],
      ['negative income', { ...body, monthlyIncomeVnd: -1 }, /^monthlyIncomeVnd must not be less than 0/],
      ['fractional income', { ...body, monthlyIncomeVnd: 14_500_000.5 }, /^monthlyIncomeVnd must be an integer/],
      ['absurd income', { ...body, monthlyIncomeVnd: 10_000_000_001 }, /^monthlyIncomeVnd must not be greater than 10000000000/],
      ['income as text', { ...body, monthlyIncomeVnd: '14500000' }, /^monthlyIncomeVnd must be an integer/],
      ['no housing', { ...body, housing: undefined }, /^housing should not be null or undefined/],
      ['ownsHome as text', { ...body, housing: { ownsHome: 'no' } }, /^housing\.ownsHome must be a boolean/],
      ['owner without floor area', { ...body, housing: { ownsHome: true } }, /^housing\.floorAreaPerPersonM2 is required when ownsHome is true/],
      ['negative floor area', { ...body, housing: { ownsHome: true, floorAreaPerPersonM2: -1 } }, /^housing\.floorAreaPerPersonM2 must not be less than 0/],
      ['absurd floor area', { ...body, housing: { ownsHome: false, floorAreaPerPersonM2: 10_001 } }, /^housing\.floorAreaPerPersonM2 must not be greater than 10000/],
      ['submitted on 31 April', { ...body, submittedAt: '2025-04-31' }, /^submittedAt must be a real ISO date/],
      ['submitted in the future', { ...body, submittedAt: '2099-01-01' }, /^submittedAt .*not in the future/],
      ['blank receiver', { ...body, receivedBy: '' }, /^receivedBy must/],
      ['unknown field', { ...body, priority: 1 }, /^property priority should not exist/],
    ]);
  });

  it('is described in the OpenAPI document with its nested person and household types', () => {
    const doc = buildOpenApiDocument(t.app);
    expect(doc.paths['/api/v1/applications'].post?.tags).toEqual(['boards']);
    const schema = JSON.stringify(doc.components?.schemas?.SubmitApplicationRequest);
    expect(schema).toContain('#/components/schemas/PersonDto');
    expect(schema).toContain('#/components/schemas/HouseholdMemberDto');
    expect(JSON.stringify(doc.components?.schemas?.HouseholdMemberDto)).toContain('spouse');
  });
});

describe('POST /api/v1/applications/:id/withdrawal (rút hồ sơ)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-trang-cat', '31');
  });
  afterAll(() => t.close());

  const withdraw = (id: string, province = '31') => boardPost(t, `/applications/${id}/withdrawal`, { reason: 'Đã mua nhà thương mại' }, province);

  it('records ApplicationWithdrawn with the reason', async () => {
    const id = await submitApplication(t, applicationBody('hp-trang-cat', { id: 'hs-w1' }));
    const res = await withdraw(id).expect(201);
    expect(res.body).toEqual({ id: 'hs-w1', withdrawnAt: expect.any(String) });
    const events = await t.store.readStream('application-hs-w1');
    expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'ApplicationWithdrawn']);
    expect(events[1].data).toEqual({ applicationId: 'hs-w1', reason: 'Đã mua nhà thương mại', withdrawnAt: bodyOf<WithdrawnResponse>(res).withdrawnAt });
  });

  it('refuses a second withdrawal with 409 APPLICATION_WITHDRAWN, writing nothing', async () => {
    const id = await submitApplication(t, applicationBody('hp-trang-cat'));
    await withdraw(id).expect(201);
    const before = await eventCount(t);
    const res = await withdraw(id).expect(409);
    expect(errorOf(res).code).toBe('APPLICATION_WITHDRAWN');
    expect(await eventCount(t)).toBe(before);
  });

  it('answers 404 APPLICATION_NOT_FOUND for an unknown application', async () => {
    const before = await eventCount(t);
    const res = await withdraw('hs-unknown').expect(404);
    expect(errorOf(res).code).toBe('APPLICATION_NOT_FOUND');
    expect(await eventCount(t)).toBe(before);
  });

  it('forbids another province’s board, inspectors and police (403), writing nothing', async () => {
    const id = await submitApplication(t, applicationBody('hp-trang-cat'));
    const before = await eventCount(t);
    await withdraw(id, '56').expect(403);
    for (const role of ['inspector', 'police'] as const) await postAs(t, role, `/applications/${id}/withdrawal`, { reason: 'x' }).expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('answers a repeated Idempotency-Key with the first response and writes nothing', async () => {
    const id = await submitApplication(t, applicationBody('hp-trang-cat'));
    const key = { 'Idempotency-Key': 'withdraw-1' };
    const first = await boardPost(t, `/applications/${id}/withdrawal`, { reason: 'Chuyển công tác' }, '31', key).expect(201);
    const before = await eventCount(t);
    const again = await boardPost(t, `/applications/${id}/withdrawal`, { reason: 'Chuyển công tác' }, '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses bad input with 400, naming the field, and writes nothing', async () => {
    const id = await submitApplication(t, applicationBody('hp-trang-cat'));
    await expectRefusedWithoutWrites(t, `/applications/${id}/withdrawal`, [
      ['no reason', {}, /^reason is required$/],
      ['blank reason', { reason: '   ' }, /^reason must not be blank/],
      ['reason too long', { reason: 'x'.repeat(1001) }, /^reason must be shorter than or equal to 1000/],
      ['unknown field', { reason: 'x', at: '2025-01-01' }, /^property at should not exist/],
    ]);
    await expectRefusedWithoutWrites(t, '/applications/hs.bad/withdrawal', [['id with a dot', { reason: 'x' }, /^id must be 1 to 64 letters/]]);
  });
});

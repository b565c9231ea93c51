import { expect } from '@jest/globals';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

const project = {
  name: 'Nhà ở xã hội Tràng Cát',
  provinceCode: '31',
  investor: 'Công ty CP Đầu tư Xây dựng Hải Phòng',
  kind: 'new',
  landAreaM2: 52_000,
  plannedUnits: 1_200,
};

describe('POST /api/v1/projects', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('registers a project of the board’s province and records ProjectRegistered', async () => {
    const res = await boardPost(t, '/projects', { ...project, id: 'hp-trang-cat' }).expect(201);
    expect(res.body).toEqual({ id: 'hp-trang-cat' });
    const [event] = await t.store.readStream('project-hp-trang-cat');
    expect(event).toMatchObject({ type: 'ProjectRegistered', data: { projectId: 'hp-trang-cat', name: project.name, plannedUnits: 1200 } });
    expect(event.metadata.actor).toEqual({ subject: 'board-31', role: 'board', province: '31' });
  });

  it('generates an id when none is given', async () => {
    const res = await boardPost(t, '/projects', project).expect(201);
    expect(bodyOf<{ id: string }>(res).id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a second registration of the same id with 409', async () => {
    await boardPost(t, '/projects', { ...project, id: 'hp-twice' }).expect(201);
    const res = await boardPost(t, '/projects', { ...project, id: 'hp-twice' }).expect(409);
    expect(errorOf(res).code).toBe('PROJECT_ALREADY_REGISTERED');
  });

  it('forbids a board to register a project of another province (403), writing nothing', async () => {
    const before = await eventCount(t);
    await boardPost(t, '/projects', { ...project, provinceCode: '56' }).expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses inspectors and police (403)', async () => {
    const request = (await import('supertest')).default;
    for (const role of ['inspector', 'police'] as const) {
      await request(t.app.getHttpServer()).post('/api/v1/projects').set(t.auth({ role })).send(project).expect(403);
    }
  });

  it('answers a repeated Idempotency-Key with the first response and writes nothing', async () => {
    const key = { 'Idempotency-Key': 'register-1' };
    const first = await boardPost(t, '/projects', project, '31', key).expect(201);
    const before = await eventCount(t);
    const again = await boardPost(t, '/projects', project, '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
    const reused = await boardPost(t, '/projects', { ...project, name: 'Khác' }, '31', key).expect(409);
    expect(errorOf(reused).code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('does the work once when repeats of one Idempotency-Key race', async () => {
    const key = { 'Idempotency-Key': 'register-race' };
    const before = await eventCount(t);
    const responses = await Promise.all(Array.from({ length: 8 }, () => boardPost(t, '/projects', project, '31', key)));
    const created = responses.filter((r) => r.status === 201);
    const busy = responses.filter((r) => r.status === 409);
    expect(created.length + busy.length).toBe(8);
    expect(new Set(created.map((r) => bodyOf<{ id: string }>(r).id)).size).toBe(1);
    busy.forEach((r) => expect(errorOf(r).code).toBe('IDEMPOTENCY_REQUEST_IN_PROGRESS'));
    expect(await eventCount(t)).toBe(before + 1);
  });

  it('gives the key back when the request fails, so it can be retried', async () => {
    const key = { 'Idempotency-Key': 'register-after-failure' };
    await boardPost(t, '/projects', { ...project, id: 'hp-retry' }).expect(201);
    await boardPost(t, '/projects', { ...project, id: 'hp-retry' }, '31', key).expect(409);
    const res = await boardPost(t, '/projects', { ...project, id: 'hp-retry-2' }, '31', key).expect(201);
    expect(res.body).toEqual({ id: 'hp-retry-2' });
  });

  it('refuses bad input with 400, every bad field named, and writes nothing', async () => {
    await expectRefusedWithoutWrites(t, '/projects', [
      ['no body', {}, /^name is required$/],
      ['blank name', { ...project, name: '   ' }, /name must not be blank/],
      ['province not a code', { ...project, provinceCode: 'HP' }, /provinceCode must be a 2-digit province code/],
      ['unknown kind', { ...project, kind: 'luxury' }, /kind must be one of/],
      ['negative area', { ...project, landAreaM2: -5 }, /landAreaM2 must not be less than 1/],
      ['fractional area', { ...project, landAreaM2: 10.5 }, /landAreaM2 must be an integer/],
      ['absurd units', { ...project, plannedUnits: 10_000_000 }, /plannedUnits must not be greater than/],
      ['units as text', { ...project, plannedUnits: '1200' }, /plannedUnits must be an integer/],
      ['id with a dot', { ...project, id: 'a.b' }, /id must be 1 to 64 letters/],
      ['unknown field', { ...project, owner: 'x' }, /property owner should not exist/],
    ]);
  });

  it('lists every bad field of one request, not just the first', async () => {
    const res = await boardPost(t, '/projects', { ...project, name: '', landAreaM2: 0, kind: 'x' }).expect(400);
    expect(errorOf(res).messageEn).toEqual(
      expect.arrayContaining([expect.stringMatching(/^name/), expect.stringMatching(/^landAreaM2/), expect.stringMatching(/^kind/)]),
    );
    // Boards read Vietnamese, one line per English line, same order.
    expect(errorOf(res).message).toHaveLength(errorOf(res).messageEn.length);
    expect(errorOf(res).message).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Trường 'name' /), expect.stringMatching(/^Trường 'kind' phải là một trong: /)]),
    );
  });
});

import { expect } from '@jest/globals';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';

describe('POST /api/v1/programmes/:provinceCode/targets', () => {
  let t: TestApp;
  const setTarget = (provinceCode: string, body: object, board = provinceCode, headers: Record<string, string> = {}) =>
    boardPost(t, `/programmes/${provinceCode}/targets`, body, board, headers);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('when Hải Phòng’s board sets its 2021-2025 target, then ProgrammeTargetSet is recorded on programme-31', async () => {
    const res = await setTarget('31', { period: '2021-2025', units: 15_400 }).expect(201);
    expect(res.body).toEqual({ provinceCode: '31', period: '2021-2025', units: 15_400 });
    const [event] = await t.store.readStream('programme-31');
    expect(event).toMatchObject({ type: 'ProgrammeTargetSet', data: { provinceCode: '31', period: '2021-2025', units: 15_400 } });
    expect(event.data.setAt).toEqual(expect.any(String));
    expect(event.metadata.actor).toEqual({ subject: 'board-31', role: 'board', province: '31' });
  });

  it('given a target, when the province revises it, then a superseding event is appended', async () => {
    await setTarget('30', { period: '2026-2030', units: 10_060 }).expect(201);
    await setTarget('30', { period: '2026-2030', units: 9_000 }).expect(201);
    const events = await t.store.readStream('programme-30');
    expect(events.map((e) => e.data.units)).toEqual([10_060, 9_000]);
  });

  it('when a board sets another province’s target, then 403 and nothing is written', async () => {
    const before = await eventCount(t);
    await setTarget('56', { period: '2021-2025', units: 5_000 }, '31').expect(403);
    expect(await eventCount(t)).toBe(before);
  });

  it('when police or an inspector set a target, then 403', async () => {
    for (const role of ['inspector', 'police'] as const) {
      await request(t.app.getHttpServer())
        .post('/api/v1/programmes/31/targets')
        .set(t.auth({ role, province: '31' }))
        .send({ period: '2026-2030', units: 18_100 })
        .expect(403);
    }
    expect(await t.store.readStream('programme-31')).toHaveLength(1);
  });

  it('given a path that is not a province code, then 400 and nothing is written', async () => {
    for (const code of ['HP', '00', '97', '311']) {
      await expectRefusedWithoutWrites(t, `/programmes/${code}/targets`, [
        [`province ${code}`, { period: '2021-2025', units: 100 }, /^provinceCode must be a 2-digit province code$/],
      ]);
    }
  });

  it('given a bad body, then 400 naming the field and nothing is written', async () => {
    await expectRefusedWithoutWrites(t, '/programmes/31/targets', [
      ['no body', {}, /^period is required$/],
      ['unknown period', { period: '2031-2035', units: 100 }, /^period must be one of the following values: 2021-2025, 2026-2030$/],
      ['zero units', { period: '2021-2025', units: 0 }, /^units must not be less than 1$/],
      ['fractional units', { period: '2021-2025', units: 1.5 }, /^units must be an integer/],
      ['units as text', { period: '2021-2025', units: '15400' }, /^units must be an integer/],
      ['absurd units', { period: '2021-2025', units: 2_000_000 }, /^units must not be greater than 1000000$/],
      ['unknown field', { period: '2021-2025', units: 100, note: 'x' }, /^property note should not exist$/],
    ]);
  });

  it('given a repeated Idempotency-Key, then the first response comes back and nothing new is written', async () => {
    const key = { 'Idempotency-Key': 'target-1' };
    const body = { period: '2026-2030', units: 18_100 };
    const first = await setTarget('31', body, '31', key).expect(201);
    const before = await eventCount(t);
    const again = await setTarget('31', body, '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
  });

  it('is described in the OpenAPI document with its path parameter and periods', () => {
    const doc = buildOpenApiDocument(t.app);
    const operation = doc.paths['/api/v1/programmes/{provinceCode}/targets'].post;
    expect(operation?.tags).toEqual(['boards']);
    expect(operation?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'provinceCode', in: 'path' })]));
    expect(JSON.stringify(doc.components?.schemas?.SetTargetRequest)).toContain('2026-2030');
  });
});

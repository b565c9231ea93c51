import { expect } from '@jest/globals';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorOf } from '../support/response-body';

const unit = (unitNo: string, overrides: object = {}) => ({ unitNo, floorAreaM2: 56, tenure: 'sale', priceVnd: 1_150_000_000, ...overrides });

describe('POST /api/v1/projects/:id/units', () => {
  let t: TestApp;
  const registerProject = (id: string, plannedUnits = 2_500) =>
    boardPost(t, '/projects', { id, name: 'NOXH Tràng Cát', provinceCode: '31', investor: 'Công ty CP Xây dựng HP', kind: 'new', landAreaM2: 52_000, plannedUnits }).expect(201);
  const release = (projectId: string, units: object[], province = '31', headers: Record<string, string> = {}) =>
    boardPost(t, `/projects/${projectId}/units`, { units }, province, headers);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('given a registered project of Hải Phòng', () => {
    it('when its board releases units, then UnitsReleased goes on the project and UnitReleased on each unit stream', async () => {
      await registerProject('hp-release');
      const before = await eventCount(t);
      const units = [unit('A-101'), unit('A-102', { tenure: 'rent', floorAreaM2: 30, priceVnd: 900_000_000 }), unit('B-1203', { tenure: 'hire-purchase' })];

      const res = await release('hp-release', units).expect(201);

      expect(res.body).toEqual({ released: 3 });
      expect(await eventCount(t)).toBe(before + 4);
      const [registered, batch] = await t.store.readStream('project-hp-release');
      expect(registered.type).toBe('ProjectRegistered');
      expect(batch).toMatchObject({ type: 'UnitsReleased', data: { projectId: 'hp-release', units } });
      expect(batch.metadata.actor).toEqual({ subject: 'board-31', role: 'board', province: '31' });
      for (const u of units) {
        const stream = await t.store.readStream(`unit-hp-release.${u.unitNo}`);
        expect(stream).toHaveLength(1);
        expect(stream[0]).toMatchObject({ type: 'UnitReleased', revision: 0, data: { ...u, projectId: 'hp-release', releasedAt: batch.data.releasedAt } });
      }
    });

    it('when a unit lies outside 25–70 m², then it is still released (a detector’s finding, not a refusal)', async () => {
      await registerProject('hp-large');
      await release('hp-large', [unit('P-1', { floorAreaM2: 95 }), unit('S-1', { floorAreaM2: 20 })]).expect(201);
      const [event] = await t.store.readStream('unit-hp-large.P-1');
      expect(event.data).toMatchObject({ floorAreaM2: 95 });
    });

    it('when 2000 units are released at once, then all of them are written in one batch', async () => {
      await registerProject('hp-bulk');
      const before = await eventCount(t);
      const units = Array.from({ length: 2000 }, (_, i) => unit(`U-${i + 1}`));
      await release('hp-bulk', units).expect(201);
      expect(await eventCount(t)).toBe(before + 2001);
      expect(await t.store.readStream('unit-hp-bulk.U-2000')).toHaveLength(1);
    });

    it('when a board of another province releases its units, then 403 and nothing is written', async () => {
      await registerProject('hp-foreign');
      const before = await eventCount(t);
      await release('hp-foreign', [unit('A-1')], '56').expect(403);
      expect(await eventCount(t)).toBe(before);
    });

    it('when police or an inspector release units, then 403', async () => {
      await registerProject('hp-roles');
      for (const role of ['inspector', 'police'] as const) {
        await request(t.app.getHttpServer()).post('/api/v1/projects/hp-roles/units').set(t.auth({ role })).send({ units: [unit('A-1')] }).expect(403);
      }
      expect(await t.store.readStream('project-hp-roles')).toHaveLength(1);
    });
  });

  it('given no such project, when units are released, then 404 PROJECT_NOT_FOUND and nothing is written', async () => {
    const before = await eventCount(t);
    const res = await release('hp-nowhere', [unit('A-1')]).expect(404);
    expect(errorOf(res).code).toBe('PROJECT_NOT_FOUND');
    expect(await eventCount(t)).toBe(before);
  });

  describe('given units already released', () => {
    it('when one of them is released again with a new one, then 409 UNIT_ALREADY_RELEASED and neither is written', async () => {
      await registerProject('hp-twice');
      await release('hp-twice', [unit('A-1')]).expect(201);
      const before = await eventCount(t);
      const res = await release('hp-twice', [unit('A-2'), unit('A-1')]).expect(409);
      expect(res.body).toMatchObject({ code: 'UNIT_ALREADY_RELEASED', details: { unitNos: ['A-1'] } });
      expect(await eventCount(t)).toBe(before);
      expect(await t.store.readStream('unit-hp-twice.A-2')).toEqual([]);
    });

    it('when a unit stream exists that the project does not list, then 409 CONCURRENCY_CONFLICT and the batch is not written', async () => {
      await registerProject('hp-stray');
      // As if another writer had slipped a unit in: only the store's no_stream expectation can catch it.
      await t.store.append('unit-hp-stray.A-1', [{ type: 'UnitReleased', data: unit('A-1', { projectId: 'hp-stray', releasedAt: '2026-01-01T00:00:00.000Z' }) }], {
        expectedRevision: 'no_stream',
        actor: { subject: 'board-31', role: 'board', province: '31' },
      });
      const before = await eventCount(t);
      const res = await release('hp-stray', [unit('A-0'), unit('A-1')]).expect(409);
      expect(errorOf(res).code).toBe('CONCURRENCY_CONFLICT');
      expect(await eventCount(t)).toBe(before);
      expect(await t.store.readStream('project-hp-stray')).toHaveLength(1);
    });
  });

  it('given a project planning 2 units, when 3 are released, then 409 PLANNED_UNITS_EXCEEDED and nothing is written', async () => {
    await registerProject('hp-small', 2);
    const before = await eventCount(t);
    const res = await release('hp-small', [unit('A-1'), unit('A-2'), unit('A-3')]).expect(409);
    expect(res.body).toMatchObject({ code: 'PLANNED_UNITS_EXCEEDED', details: { plannedUnits: 2, wouldBe: 3 } });
    expect(await eventCount(t)).toBe(before);
  });

  it('given one request naming a unit twice, then 400 DUPLICATE_UNIT_NO and nothing is written', async () => {
    await registerProject('hp-dup');
    const before = await eventCount(t);
    const res = await release('hp-dup', [unit('A-1'), unit('A-1', { priceVnd: 1 })]).expect(400);
    expect(errorOf(res).code).toBe('DUPLICATE_UNIT_NO');
    expect(await eventCount(t)).toBe(before);
  });

  it('given bad input, then 400 naming the field (and the unit’s index) and nothing is written', async () => {
    await registerProject('hp-bad');
    const ok = unit('A-1');
    await expectRefusedWithoutWrites(t, '/projects/hp-bad/units', [
      ['no body', {}, /^units is required$/],
      ['no units', { units: [] }, /^units must contain at least 1 elements/],
      ['too many units', { units: Array.from({ length: 2001 }, (_, i) => unit(`U-${i}`)) }, /^units must contain no more than 2000 elements/],
      ['a unit that is not an object', { units: ['A-1'] }, /nested property units must be either object or array/],
      ['unitNo with a dot', { units: [ok, unit('A.2')] }, /^units\.1\.unitNo must be 1 to 32 letters, digits or "-"$/],
      ['unitNo with a space', { units: [unit('A 2')] }, /^units\.0\.unitNo must be 1 to 32 letters/],
      ['unitNo too long', { units: [unit('A'.repeat(33))] }, /^units\.0\.unitNo must be 1 to 32/],
      ['empty unitNo', { units: [unit('')] }, /^units\.0\.unitNo must be 1 to 32/],
      ['zero floor area at index 2', { units: [ok, unit('A-2'), unit('A-3', { floorAreaM2: 0 })] }, /^units\.2\.floorAreaM2 must not be less than 1$/],
      ['absurd floor area', { units: [unit('A-2', { floorAreaM2: 501 })] }, /^units\.0\.floorAreaM2 must not be greater than 500$/],
      ['fractional floor area', { units: [unit('A-2', { floorAreaM2: 45.5 })] }, /^units\.0\.floorAreaM2 must be an integer/],
      ['unknown tenure', { units: [unit('A-2', { tenure: 'lease' })] }, /^units\.0\.tenure must be one of/],
      ['zero price', { units: [unit('A-2', { priceVnd: 0 })] }, /^units\.0\.priceVnd must not be less than 1$/],
      ['absurd price', { units: [unit('A-2', { priceVnd: 100_000_000_001 })] }, /^units\.0\.priceVnd must not be greater than 100000000000$/],
      ['price as text', { units: [unit('A-2', { priceVnd: '1150000000' })] }, /^units\.0\.priceVnd must be an integer/],
      ['unknown field of a unit', { units: [unit('A-2', { colour: 'blue' })] }, /^units\.0\.property colour should not exist$/],
      ['unknown top-level field', { units: [ok], note: 'x' }, /^property note should not exist$/],
    ]);
    await expectRefusedWithoutWrites(t, '/projects/hp.bad/units', [['a project id with a dot', { units: [ok] }, /^id must be 1 to 64 letters/]]);
  });

  it('given a repeated Idempotency-Key, then the first response comes back and nothing new is written', async () => {
    await registerProject('hp-idem');
    const key = { 'Idempotency-Key': 'release-1' };
    const first = await release('hp-idem', [unit('A-1')], '31', key).expect(201);
    const before = await eventCount(t);
    const again = await release('hp-idem', [unit('A-1')], '31', key).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(t)).toBe(before);
  });

  it('is described in the OpenAPI document with its path parameter and body', () => {
    const operation = buildOpenApiDocument(t.app).paths['/api/v1/projects/{id}/units'].post;
    expect(operation?.tags).toEqual(['boards']);
    expect(operation?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path', required: true })]));
    expect(operation?.requestBody).toBeDefined();
  });
});

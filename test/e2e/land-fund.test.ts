import { expect } from '@jest/globals';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorOf } from '../support/response-body';

const obligation = (commercialProjectId: string, overrides: object = {}) => ({
  commercialProjectId,
  name: 'Khu đô thị Vinhomes Marina',
  provinceCode: '31',
  residentialLandAreaM2: 120_001,
  dueDate: '2028-12-31',
  ...overrides,
});
const land = { form: 'land', areaM2: 10_000, parcel: 'Thửa 125, tờ bản đồ số 12', handedOverAt: '2026-03-15' };
const money = { form: 'money', amountVnd: 350_000_000_000, handedOverAt: '2026-03-15T09:00:00+07:00' };

describe('land fund (quỹ đất 20%)', () => {
  let t: TestApp;
  const register = (id: string, overrides: object = {}, province = '31') => boardPost(t, '/land-fund/obligations', obligation(id, overrides), province);
  const hand = (id: string, body: object, province = '31', headers: Record<string, string> = {}) =>
    boardPost(t, `/land-fund/obligations/${id}/handovers`, body, province, headers);

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('POST /api/v1/land-fund/obligations', () => {
    it('when a board registers its province’s obligation without a share, then 20% of the land is owed', async () => {
      const res = await register('hp-marina').expect(201);
      expect(res.body).toEqual({ id: 'hp-marina' });
      const [event] = await t.store.readStream('landfund-hp-marina');
      expect(event).toMatchObject({
        type: 'LandFundObligationRegistered',
        data: { ...obligation('hp-marina'), requiredShare: 0.2, requiredAreaM2: 24_001 },
      });
      expect(event.metadata.actor).toEqual({ subject: 'board-31', role: 'board', province: '31' });
    });

    it('when a share is given, then that share is owed', async () => {
      await register('hp-share', { requiredShare: 0.25, residentialLandAreaM2: 80_000 }).expect(201);
      const [event] = await t.store.readStream('landfund-hp-share');
      expect(event.data).toMatchObject({ requiredShare: 0.25, requiredAreaM2: 20_000 });
    });

    it('given it is registered, when it is registered again, then 409 LAND_FUND_OBLIGATION_EXISTS and nothing is written', async () => {
      await register('hp-again').expect(201);
      const before = await eventCount(t);
      const res = await register('hp-again').expect(409);
      expect(errorOf(res).code).toBe('LAND_FUND_OBLIGATION_EXISTS');
      expect(await eventCount(t)).toBe(before);
    });

    it('when a board registers another province’s obligation, then 403 and nothing is written', async () => {
      const before = await eventCount(t);
      await register('hd-other', { provinceCode: '30' }).expect(403);
      expect(await eventCount(t)).toBe(before);
    });

    it('when police or an inspector register one, then 403', async () => {
      for (const role of ['inspector', 'police'] as const) {
        await request(t.app.getHttpServer()).post('/api/v1/land-fund/obligations').set(t.auth({ role })).send(obligation('hp-roles')).expect(403);
      }
      expect(await t.store.readStream('landfund-hp-roles')).toEqual([]);
    });

    it('given bad input, then 400 naming the field and nothing is written', async () => {
      await expectRefusedWithoutWrites(t, '/land-fund/obligations', [
        ['no body', {}, /^commercialProjectId is required$/],
        ['project id with a dot', obligation('hp.x'), /^commercialProjectId must be 1 to 64 letters/],
        ['blank name', obligation('hp-x', { name: ' ' }), /^name must not be blank$/],
        ['province not a code', obligation('hp-x', { provinceCode: '99' }), /^provinceCode must be a 2-digit province code$/],
        ['zero land', obligation('hp-x', { residentialLandAreaM2: 0 }), /^residentialLandAreaM2 must not be less than 1$/],
        ['fractional land', obligation('hp-x', { residentialLandAreaM2: 1.5 }), /^residentialLandAreaM2 must be an integer/],
        ['zero share', obligation('hp-x', { requiredShare: 0 }), /^requiredShare must be a positive number$/],
        ['share above 1', obligation('hp-x', { requiredShare: 1.2 }), /^requiredShare must not be greater than 1$/],
        ['share as text', obligation('hp-x', { requiredShare: '0.2' }), /^requiredShare must be a number/],
        ['impossible due date', obligation('hp-x', { dueDate: '2028-02-30' }), /^dueDate must be a real ISO date/],
        ['unknown field', obligation('hp-x', { owner: 'x' }), /^property owner should not exist$/],
      ]);
    });

    it('given a repeated Idempotency-Key, then the first response comes back and nothing new is written', async () => {
      const key = { 'Idempotency-Key': 'obligation-1' };
      const first = await boardPost(t, '/land-fund/obligations', obligation('hp-idem'), '31', key).expect(201);
      const before = await eventCount(t);
      const again = await boardPost(t, '/land-fund/obligations', obligation('hp-idem'), '31', key).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await eventCount(t)).toBe(before);
    });
  });

  describe('POST /api/v1/land-fund/obligations/:id/handovers', () => {
    it('given an open obligation, when land is handed over, then LandFundHandedOver records it', async () => {
      await register('hp-land').expect(201);
      const res = await hand('hp-land', land).expect(201);
      expect(res.body).toEqual({ id: 'hp-land' });
      const [, event] = await t.store.readStream('landfund-hp-land');
      expect(event).toMatchObject({ type: 'LandFundHandedOver', data: { commercialProjectId: 'hp-land', ...land } });
    });

    it('given an open obligation, when equivalent land is handed over without a parcel, then the parcel is recorded as null', async () => {
      await register('hp-equiv').expect(201);
      await hand('hp-equiv', { form: 'equivalent-land', areaM2: 5_000, handedOverAt: '2026-04-01' }).expect(201);
      const [, event] = await t.store.readStream('landfund-hp-equiv');
      expect(event.data).toEqual({ commercialProjectId: 'hp-equiv', form: 'equivalent-land', areaM2: 5_000, parcel: null, handedOverAt: '2026-04-01' });
    });

    it('given land partly handed over, when money is paid in lieu, then LandFundPaidInLieu records the area it discharged', async () => {
      await register('hp-money').expect(201);
      await hand('hp-money', land).expect(201);
      await hand('hp-money', money).expect(201);
      const [, , event] = await t.store.readStream('landfund-hp-money');
      expect(event).toMatchObject({
        type: 'LandFundPaidInLieu',
        data: { commercialProjectId: 'hp-money', amountVnd: 350_000_000_000, dischargedAreaM2: 14_001, paidAt: money.handedOverAt },
      });
    });

    it('given a discharged obligation, when more is handed over, then 409 LAND_FUND_OBLIGATION_DISCHARGED and nothing is written', async () => {
      await register('hp-done').expect(201);
      await hand('hp-done', money).expect(201);
      const before = await eventCount(t);
      const res = await hand('hp-done', land).expect(409);
      expect(errorOf(res).code).toBe('LAND_FUND_OBLIGATION_DISCHARGED');
      expect(await eventCount(t)).toBe(before);
    });

    it('given no such obligation, then 404 LAND_FUND_OBLIGATION_NOT_FOUND and nothing is written', async () => {
      const before = await eventCount(t);
      const res = await hand('hp-nowhere', land).expect(404);
      expect(errorOf(res).code).toBe('LAND_FUND_OBLIGATION_NOT_FOUND');
      expect(await eventCount(t)).toBe(before);
    });

    it('given Hải Phòng’s obligation, when a board of another province records a handover, then 403 and nothing is written', async () => {
      await register('hp-scoped').expect(201);
      const before = await eventCount(t);
      await hand('hp-scoped', land, '30').expect(403);
      expect(await eventCount(t)).toBe(before);
    });

    it('when police or an inspector record a handover, then 403', async () => {
      await register('hp-hand-roles').expect(201);
      for (const role of ['inspector', 'police'] as const) {
        await request(t.app.getHttpServer()).post('/api/v1/land-fund/obligations/hp-hand-roles/handovers').set(t.auth({ role })).send(land).expect(403);
      }
      expect(await t.store.readStream('landfund-hp-hand-roles')).toHaveLength(1);
    });

    it('given bad input, then 400 naming the field and nothing is written', async () => {
      await register('hp-bad').expect(201);
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
      await expectRefusedWithoutWrites(t, '/land-fund/obligations/hp-bad/handovers', [
        ['no body', {}, /^form is required$/],
        ['unknown form', { ...land, form: 'cash' }, /^form must be one of/],
        ['land without an area', { form: 'land', handedOverAt: '2026-03-15' }, /^areaM2 is required when form is "land"$/],
        ['equivalent land without an area', { form: 'equivalent-land', handedOverAt: '2026-03-15' }, /^areaM2 is required when form is "equivalent-land"$/],
        ['money without an amount', { form: 'money', handedOverAt: '2026-03-15' }, /^amountVnd is required when form is "money"$/],
        ['land with an amount', { ...land, amountVnd: 1_000 }, /^amountVnd must not be given when form is "land"$/],
        ['money with an area', { ...money, areaM2: 1_000 }, /^areaM2 must not be given when form is "money"$/],
        ['money with a parcel', { ...money, parcel: 'Thửa 1' }, /^parcel must not be given when form is "money"$/],
        ['zero area', { ...land, areaM2: 0 }, /^areaM2 must not be less than 1$/],
        ['null area', { ...land, areaM2: null }, /^areaM2 must be an integer/],
        ['fractional amount', { ...money, amountVnd: 10.5 }, /^amountVnd must be an integer/],
        ['blank parcel', { ...land, parcel: '  ' }, /^parcel must not be blank$/],
        ['handed over tomorrow', { ...land, handedOverAt: tomorrow }, /^handedOverAt must be a real ISO date .* not in the future$/],
        ['unknown field', { ...land, note: 'x' }, /^property note should not exist$/],
      ]);
      await expectRefusedWithoutWrites(t, '/land-fund/obligations/hp.bad/handovers', [['an id with a dot', land, /^id must be 1 to 64 letters/]]);
    });

    it('given a repeated Idempotency-Key, then the first response comes back and nothing new is written', async () => {
      await register('hp-hand-idem').expect(201);
      const key = { 'Idempotency-Key': 'handover-1' };
      const first = await hand('hp-hand-idem', land, '31', key).expect(201);
      const before = await eventCount(t);
      const again = await hand('hp-hand-idem', land, '31', key).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await eventCount(t)).toBe(before);
    });
  });

  it('is described in the OpenAPI document, with the handover forms', () => {
    const doc = buildOpenApiDocument(t.app);
    expect(doc.paths['/api/v1/land-fund/obligations'].post?.tags).toEqual(['boards']);
    const handover = doc.paths['/api/v1/land-fund/obligations/{id}/handovers'].post;
    expect(handover?.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'id', in: 'path' })]));
    expect(JSON.stringify(doc.components?.schemas?.RecordHandoverRequest)).toContain('equivalent-land');
  });
});

import { expect } from '@jest/globals';
import { ConcurrencyConflict } from '../../src/event-store/event-store.errors';
import { boardPost, eventCount, expectRefusedWithoutWrites } from '../support/board-api';
import { seedApplication, seedProject } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

const decision = { decisionNo: '1532/QĐ-SXD', decidedBy: 'Nguyễn Văn An, Phó Giám đốc Sở Xây dựng', decidedAt: '2026-06-01' };

describe('allocations (giao nhà)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const refusals = async (projectId: string) => (await t.store.readStream(`allocation-attempts-${projectId}`)).map((e) => e.data.code);

  it('allocates a unit to an eligible application: unit, application mirror and benefit claim in one transaction', async () => {
    await seedProject(t, 'hp-a', '31', [{ unitNo: 'A-101' }]);
    await seedApplication(t, { applicationId: 'app-a1', projectId: 'hp-a', citizenId: '031190000001', province: '31' });
    const res = await boardPost(t, '/allocations', { applicationId: 'app-a1', projectId: 'hp-a', unitNo: 'A-101', ...decision }).expect(201);
    expect(res.body).toEqual({ id: 'hp-a.A-101.r1' });

    const [unit] = (await t.store.readStream('unit-hp-a.A-101')).filter((e) => e.type === 'UnitAllocated');
    const [mirror] = (await t.store.readStream('application-app-a1')).filter((e) => e.type === 'UnitAllocated');
    const [claim] = await t.store.readStream('person-031190000001');
    expect(unit.data).toMatchObject({ allocationId: 'hp-a.A-101.r1', applicationId: 'app-a1', citizenId: '031190000001', eligibilityDecisionNo: 'QĐ-app-a1', ...decision });
    expect(mirror.data).toMatchObject({ allocationId: 'hp-a.A-101.r1', unitNo: 'A-101' });
    expect(claim).toMatchObject({ type: 'BenefitClaimed', data: { claimId: 'hp-a.A-101.r1', provinceCode: '31', tenure: 'sale' } });
    expect(new Set([unit, mirror, claim].map((e) => e.position.commit))).toEqual(new Set([unit.position.commit]));
  });

  it('50 concurrent requests for one unit: exactly one 201, every other a 409, each refusal recorded', async () => {
    await seedProject(t, 'hp-race', '31', [{ unitNo: 'B-1' }]);
    const applicants = Array.from({ length: 50 }, (_, i) => ({ applicationId: `race-${i}`, citizenId: `0311920${String(i).padStart(5, '0')}` }));
    for (const a of applicants) await seedApplication(t, { ...a, projectId: 'hp-race', province: '31' });

    const responses = await Promise.all(
      applicants.map((a) => boardPost(t, '/allocations', { applicationId: a.applicationId, projectId: 'hp-race', unitNo: 'B-1', ...decision })),
    );
    expect(responses.filter((r) => r.status === 201)).toHaveLength(1);
    const lost = responses.filter((r) => r.status !== 201);
    expect(lost).toHaveLength(49);
    lost.forEach((r) => expect([r.status, errorOf(r).code]).toEqual([409, 'UNIT_ALREADY_ALLOCATED']));
    expect((await t.store.readStream('unit-hp-race.B-1')).filter((e) => e.type === 'UnitAllocated')).toHaveLength(1);
    expect(await refusals('hp-race')).toEqual(Array(49).fill('UNIT_ALREADY_ALLOCATED'));
  });

  it('one citizen racing for two units in two provinces gets exactly one', async () => {
    await seedProject(t, 'hp-twin', '31', [{ unitNo: 'C-1' }]);
    await seedProject(t, 'kh-twin', '56', [{ unitNo: 'C-1' }]);
    const citizenId = '031185000777';
    await seedApplication(t, { applicationId: 'twin-hp', projectId: 'hp-twin', citizenId, province: '31' });
    await seedApplication(t, { applicationId: 'twin-kh', projectId: 'kh-twin', citizenId, province: '56' });

    const [hp, kh] = await Promise.all([
      boardPost(t, '/allocations', { applicationId: 'twin-hp', projectId: 'hp-twin', unitNo: 'C-1', ...decision }, '31'),
      boardPost(t, '/allocations', { applicationId: 'twin-kh', projectId: 'kh-twin', unitNo: 'C-1', ...decision }, '56'),
    ]);
    expect([hp.status, kh.status].sort()).toEqual([201, 409]);
    const refused = [hp, kh].find((r) => r.status === 409);
    expect(refused && errorOf(refused).code).toBe('ALREADY_BENEFICIARY');
    expect((await t.store.readStream(`person-${citizenId}`)).map((e) => e.type)).toEqual(['BenefitClaimed']);
    const allocated = async (stream: string) => (await t.store.readStream(stream)).filter((e) => e.type === 'UnitAllocated').length;
    expect((await allocated('unit-hp-twin.C-1')) + (await allocated('unit-kh-twin.C-1'))).toBe(1);
  });

  describe('refusals (409 with a code, recorded for inspectors, nothing else written)', () => {
    beforeAll(async () => {
      await seedProject(t, 'hp-r', '31', [{ unitNo: 'R-1' }, { unitNo: 'R-2', tenure: 'rent' }]);
    });

    it.each([
      ['an application never judged eligible', { applicationId: 'r-inelig', citizenId: '031190100001', outcome: 'ineligible' as const }, 'NOT_ELIGIBLE'],
      ['an application for another tenure', { applicationId: 'r-rent', citizenId: '031190100002', tenure: 'rent' as const }, 'TENURE_MISMATCH'],
    ])('refuses %s', async (_, seeded, code) => {
      await seedApplication(t, { ...seeded, projectId: 'hp-r', province: '31' });
      const before = await eventCount(t);
      const res = await boardPost(t, '/allocations', { applicationId: seeded.applicationId, projectId: 'hp-r', unitNo: 'R-1', ...decision }).expect(409);
      expect(errorOf(res).code).toBe(code);
      expect(await eventCount(t)).toBe(before + 1);
      expect((await refusals('hp-r')).at(-1)).toBe(code);
      expect((await t.store.readStream('unit-hp-r.R-1')).map((e) => e.type)).toEqual(['UnitReleased']);
    });

    it('refuses a withdrawn application', async () => {
      await seedApplication(t, { applicationId: 'r-wd', projectId: 'hp-r', citizenId: '031190100003', province: '31' });
      await t.store.append('application-r-wd', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'r-wd', reason: 'Rút hồ sơ', withdrawnAt: '2026-05-10' } }], {
        expectedRevision: 1,
        actor: { subject: 'board-31', role: 'board', province: '31' },
      });
      const res = await boardPost(t, '/allocations', { applicationId: 'r-wd', projectId: 'hp-r', unitNo: 'R-1', ...decision }).expect(409);
      expect(errorOf(res).code).toBe('APPLICATION_WITHDRAWN');
    });

    it('refuses a citizen who already holds a benefit in another province', async () => {
      await seedProject(t, 'kh-held', '56', [{ unitNo: 'K-1' }]);
      await seedApplication(t, { applicationId: 'held-kh', projectId: 'kh-held', citizenId: '056190100004', province: '56' });
      await boardPost(t, '/allocations', { applicationId: 'held-kh', projectId: 'kh-held', unitNo: 'K-1', ...decision }, '56').expect(201);
      await seedApplication(t, { applicationId: 'held-hp', projectId: 'hp-r', citizenId: '056190100004', province: '31' });
      const res = await boardPost(t, '/allocations', { applicationId: 'held-hp', projectId: 'hp-r', unitNo: 'R-1', ...decision }).expect(409);
      expect(errorOf(res).code).toBe('ALREADY_BENEFICIARY');
      expect((await refusals('hp-r')).at(-1)).toBe('ALREADY_BENEFICIARY');
    });

    it('answers 404 for an unknown application or unit', async () => {
      const noApp = await boardPost(t, '/allocations', { applicationId: 'nobody', projectId: 'hp-r', unitNo: 'R-1', ...decision }).expect(404);
      expect(errorOf(noApp).code).toBe('APPLICATION_NOT_FOUND');
      await seedApplication(t, { applicationId: 'r-nounit', projectId: 'hp-r', citizenId: '031190100005', province: '31' });
      const noUnit = await boardPost(t, '/allocations', { applicationId: 'r-nounit', projectId: 'hp-r', unitNo: 'Z-9', ...decision }).expect(404);
      expect(errorOf(noUnit).code).toBe('UNIT_NOT_FOUND');
    });

    it('forbids a board of another province (403) and writes nothing', async () => {
      const before = await eventCount(t);
      await boardPost(t, '/allocations', { applicationId: 'r-nounit', projectId: 'hp-r', unitNo: 'R-1', ...decision }, '56').expect(403);
      expect(await eventCount(t)).toBe(before);
    });

    it('refuses bad input with 400 and writes nothing', async () => {
      const ok = { applicationId: 'x', projectId: 'hp-r', unitNo: 'R-1', ...decision };
      await expectRefusedWithoutWrites(t, '/allocations', [
        ['no body', {}, /^applicationId is required$/],
        ['decision in the future', { ...ok, decidedAt: '2099-01-01' }, /decidedAt must be a real ISO date .* not in the future/],
        ['impossible date', { ...ok, decidedAt: '2026-02-30' }, /decidedAt must be a real ISO date/],
        ['blank decision number', { ...ok, decisionNo: ' ' }, /decisionNo must not be blank/],
        ['unit with a dot', { ...ok, unitNo: 'R.1' }, /unitNo must be 1 to 32/],
        ['unknown field', { ...ok, priority: 1 }, /property priority should not exist/],
      ]);
    });
  });

  describe('what is not a refusal writes no AllocationRefused', () => {
    beforeAll(async () => {
      await seedProject(t, 'hp-nr', '31', [{ unitNo: 'N-1' }]);
      await seedApplication(t, { applicationId: 'nr-1', projectId: 'hp-nr', citizenId: '031190300001', province: '31' });
    });

    it('a race lost on every retry: 409 CONCURRENCY_CONFLICT, decided again on fresh state each time, nothing written', async () => {
      const appendMany = t.store.appendMany.bind(t.store);
      let unitAppends = 0;
      // Another writer always gets to the unit first: the store's conflict, on every attempt.
      t.store.appendMany = (appends, options) => {
        const unit = appends.find((a) => a.stream === 'unit-hp-nr.N-1');
        if (!unit) return appendMany(appends, options);
        unitAppends += 1;
        return Promise.reject(new ConcurrencyConflict(unit.stream, unit.expectedRevision, 7));
      };
      try {
        const before = await eventCount(t);
        const res = await boardPost(t, '/allocations', { applicationId: 'nr-1', projectId: 'hp-nr', unitNo: 'N-1', ...decision }).expect(409);
        expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', code: 'CONCURRENCY_CONFLICT',
          message: ['Dữ liệu vừa được người khác thay đổi; vui lòng tải lại và thử lại'],
          messageEn: [expect.stringMatching(/unit-hp-nr.N-1/)],
        });
        expect(unitAppends).toBe(5);
        expect(await eventCount(t)).toBe(before);
        expect(await refusals('hp-nr')).toEqual([]);
      } finally {
        t.store.appendMany = appendMany;
      }
    });

    it.each([
      ['a NUL', '1532/QĐ\u0000-SXD'],
      ['a lone surrogate', '1532/QĐ-SXD \ud800'],
    ])('a decision number with %s: 400 at validation, nothing written', async (_, decisionNo) => {
      const before = await eventCount(t);
      const res = await boardPost(t, '/allocations', { applicationId: 'nr-1', projectId: 'hp-nr', unitNo: 'N-1', ...decision, decisionNo }).expect(400);
      expect(res.body).toEqual({
        statusCode: 400,
        error: 'Bad Request',
        message: [expect.stringMatching(/^Trường 'decisionNo' /)],
        messageEn: [expect.stringMatching(/^decisionNo /)],
      });
      expect(await eventCount(t)).toBe(before);
      expect(await refusals('hp-nr')).toEqual([]);
    });
  });

  describe('after allocation: revocation, handover, transfer', () => {
    beforeAll(async () => {
      await seedProject(t, 'hp-life', '31', [{ unitNo: 'L-1' }]);
      await seedApplication(t, { applicationId: 'life-1', projectId: 'hp-life', citizenId: '031190200001', province: '31' });
      await seedApplication(t, { applicationId: 'life-2', projectId: 'hp-life', citizenId: '031190200002', province: '31' });
    });

    it('revokes an allocation and frees the citizen’s claim; the unit can then go to another applicant', async () => {
      const body = bodyOf<{ id: string }>(await boardPost(t, '/allocations', { applicationId: 'life-1', projectId: 'hp-life', unitNo: 'L-1', ...decision }).expect(201));
      await boardPost(t, `/allocations/${body.id}/revocation`, { reason: 'Kê khai không trung thực', decisionNo: '1790/QĐ-SXD' }).expect(201);
      expect((await t.store.readStream('person-031190200001')).map((e) => e.type)).toEqual(['BenefitClaimed', 'BenefitReleased']);
      const again = await boardPost(t, '/allocations', { applicationId: 'life-2', projectId: 'hp-life', unitNo: 'L-1', ...decision }).expect(201);
      expect(bodyOf<{ id: string }>(again).id).toBe('hp-life.L-1.r3');
      const second = await boardPost(t, `/allocations/${body.id}/revocation`, { reason: 'lại', decisionNo: '1' }).expect(409);
      expect(errorOf(second).code).toBe('ALLOCATION_NOT_IN_FORCE');
      await boardPost(t, '/allocations/not-an-id/revocation', { reason: 'x', decisionNo: '1' }).expect(404);
    });

    it('hands the unit over once', async () => {
      await boardPost(t, '/units/hp-life/L-1/handover', { handedOverAt: '2026-07-01', contractNo: 'HĐ-2026/0457', fullyPaidAt: '2026-07-01' }).expect(201);
      const again = await boardPost(t, '/units/hp-life/L-1/handover', { handedOverAt: '2026-07-02', contractNo: 'HĐ-2' }).expect(409);
      expect(errorOf(again).code).toBe('UNIT_ALREADY_HANDED_OVER');
      const [handover] = (await t.store.readStream('unit-hp-life.L-1')).filter((e) => e.type === 'UnitHandedOver');
      expect(handover.data).toMatchObject({ citizenId: '031190200002', contractNo: 'HĐ-2026/0457', fullyPaidAt: '2026-07-01' });
    });

    it('records an early resale as reported and ends the seller’s benefit', async () => {
      await boardPost(t, '/units/hp-life/L-1/transfers', { transferredAt: '2026-09-01', kind: 'resale', toCitizenId: '031195000999', priceVnd: 1_900_000_000 }).expect(201);
      const [transfer] = (await t.store.readStream('unit-hp-life.L-1')).filter((e) => e.type === 'UnitTransferred');
      expect(transfer.data).toMatchObject({ kind: 'resale', fromCitizenId: '031190200002', toCitizenId: '031195000999', priceVnd: 1_900_000_000 });
      expect((await t.store.readStream('person-031190200002')).map((e) => [e.type, e.data.reason ?? null])).toEqual([
        ['BenefitClaimed', null],
        ['BenefitReleased', 'resale'],
      ]);
    });

    it('refuses a transfer of a unit never handed over, and bad transfer input', async () => {
      await seedProject(t, 'hp-new', '31', [{ unitNo: 'N-1' }]);
      const res = await boardPost(t, '/units/hp-new/N-1/transfers', { transferredAt: '2026-09-01', kind: 'resale' }).expect(409);
      expect(errorOf(res).code).toBe('UNIT_NOT_HANDED_OVER');
      await expectRefusedWithoutWrites(t, '/units/hp-new/N-1/transfers', [
        ['unknown kind', { transferredAt: '2026-09-01', kind: 'gift' }, /kind must be one of/],
        ['buyer id too short', { transferredAt: '2026-09-01', kind: 'resale', toCitizenId: '12345' }, /toCitizenId must be exactly 12 digits/],
        ['price not positive', { transferredAt: '2026-09-01', kind: 'resale', priceVnd: 0 }, /priceVnd must not be less than 1/],
      ]);
    });
  });
});

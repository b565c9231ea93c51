import type { EligibilityDecisionResponse } from '../../src/applications/commands/record-eligibility-decision/record-eligibility-decision.request.dto';
import { boardPost, expectRefusedWithoutWrites } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

/**
 * A whole social-housing round, over HTTP only, as a Hải Phòng allocation board runs it: register a
 * project with units, take applications, decide under the policy in force, rank by ballot,
 * allocate, hand over, record a resale, and record a commercial project's land-fund handover.
 */
describe('a board runs a whole round over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (path: string, body: object) => boardPost(t, path, body, '31');
  const person = (citizenId: string, fullName: string, dateOfBirth: string) => ({ citizenId, fullName, dateOfBirth });

  it('from registration to resale, every step recorded as events', async () => {
    await post('/projects', {
      id: 'hp-trang-cat',
      name: 'Nhà ở xã hội Tràng Cát',
      provinceCode: '31',
      investor: 'Công ty CP Đầu tư Xây dựng Hải Phòng',
      kind: 'new',
      landAreaM2: 52_000,
      plannedUnits: 1_200,
    }).expect(201);
    await post('/projects/hp-trang-cat/units', {
      units: [
        { unitNo: 'A-1201', floorAreaM2: 56, tenure: 'sale', priceVnd: 1_150_000_000 },
        { unitNo: 'A-1202', floorAreaM2: 62, tenure: 'sale', priceVnd: 1_270_000_000 },
      ],
    }).expect(201);

    const submit = async (applicant: object, monthlyIncomeVnd: number) =>
      bodyOf<{ id: string }>(
        await post('/applications', {
          projectId: 'hp-trang-cat',
          tenure: 'sale',
          applicant,
          household: [],
          category: 'worker',
          monthlyIncomeVnd,
          housing: { ownsHome: false },
          submittedAt: '2026-05-04T09:00:00+07:00',
          receivedBy: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng',
        }).expect(201),
      ).id;
    const lan = await submit(person('031190001234', 'Nguyễn Thị Lan', '1990-04-12'), 18_000_000);
    const binh = await submit(person('031187004321', 'Trần Văn Bình', '1987-11-02'), 24_000_000);
    const cuong = await submit(person('031192005555', 'Lê Quốc Cường', '1992-01-20'), 60_000_000);

    const decide = (id: string, body: object) =>
      post(`/applications/${id}/eligibility-decisions`, { decisionNo: `QĐ-${id.slice(0, 8)}`, decidedBy: 'Hội đồng xét duyệt', decidedAt: '2026-06-01', ...body });
    const lanDecision = await decide(lan, { outcome: 'eligible' }).expect(201);
    expect(lanDecision.body).toMatchObject({ outcome: 'eligible', policyVersion: 'vn-decree-136-2026', policyOutcome: 'eligible' });
    await decide(binh, { outcome: 'eligible' }).expect(201);
    // 60 million a month is over every ceiling: the board's "eligible" needs a recorded justification.
    const refused = await decide(cuong, { outcome: 'eligible' }).expect(409);
    expect(errorOf(refused).code).toBe('JUSTIFICATION_REQUIRED');
    const ineligible = await decide(cuong, { outcome: 'ineligible' }).expect(201);
    expect(bodyOf<EligibilityDecisionResponse>(ineligible).policyOutcome).toBe('ineligible');

    await post('/projects/hp-trang-cat/priority-rankings', { method: 'ballot', ranking: [binh, lan] }).expect(201);

    const first = await post('/allocations', {
      applicationId: binh,
      projectId: 'hp-trang-cat',
      unitNo: 'A-1201',
      decisionNo: '1601/QĐ-SXD',
      decidedBy: 'Nguyễn Văn An',
      decidedAt: '2026-06-15',
    }).expect(201);
    await post('/allocations', {
      applicationId: lan,
      projectId: 'hp-trang-cat',
      unitNo: 'A-1202',
      decisionNo: '1602/QĐ-SXD',
      decidedBy: 'Nguyễn Văn An',
      decidedAt: '2026-06-15',
    }).expect(201);
    const taken = await post('/allocations', {
      applicationId: cuong,
      projectId: 'hp-trang-cat',
      unitNo: 'A-1201',
      decisionNo: '1603/QĐ-SXD',
      decidedBy: 'Nguyễn Văn An',
      decidedAt: '2026-06-15',
    }).expect(409);
    expect(errorOf(taken).code).toBe('UNIT_ALREADY_ALLOCATED');

    await post('/units/hp-trang-cat/A-1201/handover', { handedOverAt: '2026-07-01', contractNo: 'HĐ-2026/0457', fullyPaidAt: '2026-07-01' }).expect(201);
    await post('/units/hp-trang-cat/A-1201/transfers', {
      transferredAt: '2026-10-01',
      kind: 'resale',
      toCitizenId: '031195000999',
      priceVnd: 1_900_000_000,
    }).expect(201);

    await post('/land-fund/obligations', {
      commercialProjectId: 'hp-marina',
      name: 'Khu đô thị Vinhomes Marina',
      provinceCode: '31',
      residentialLandAreaM2: 120_000,
      dueDate: '2027-12-31',
    }).expect(201);
    await post('/land-fund/obligations/hp-marina/handovers', { form: 'land', areaM2: 10_000, parcel: 'Tờ 12, thửa 345', handedOverAt: '2026-09-01' }).expect(201);
    await post('/programmes/31/targets', { period: '2026-2030', units: 18_100 }).expect(201);

    const types = async (stream: string) => (await t.store.readStream(stream)).map((e) => e.type);
    expect(await types('project-hp-trang-cat')).toEqual(['ProjectRegistered', 'UnitsReleased']);
    expect(await types('unit-hp-trang-cat.A-1201')).toEqual(['UnitReleased', 'UnitAllocated', 'UnitHandedOver', 'UnitTransferred']);
    expect(await types(`application-${binh}`)).toEqual(['ApplicationSubmitted', 'EligibilityDecided', 'PriorityRanked', 'UnitAllocated']);
    expect(await types(`application-${cuong}`)).toEqual(['ApplicationSubmitted', 'EligibilityDecided']);
    expect(await types('person-031187004321')).toEqual(['BenefitClaimed', 'BenefitReleased']);
    expect(await types('person-031190001234')).toEqual(['BenefitClaimed']);
    expect(await types('landfund-hp-marina')).toEqual(['LandFundObligationRegistered', 'LandFundHandedOver']);
    expect(await types('programme-31')).toEqual(['ProgrammeTargetSet']);
    expect(await types('allocation-attempts-hp-trang-cat')).toEqual(['AllocationRefused']);
    expect(bodyOf<{ id: string }>(first).id).toBe('hp-trang-cat.A-1201.r1');

    const verify = await (await import('supertest')).default(t.app.getHttpServer()).get('/api/v1/audit/verify').set(t.auth({ role: 'inspector' })).expect(200);
    expect(verify.body).toMatchObject({ ok: true });
  });

  it('refuses bad handover and revocation input with 400 and writes nothing', async () => {
    await expectRefusedWithoutWrites(t, '/units/hp-trang-cat/A-1202/handover', [
      ['no contract', { handedOverAt: '2026-07-01' }, /^contractNo is required$/],
      ['handover in the future', { handedOverAt: '2099-07-01', contractNo: 'HĐ-1' }, /handedOverAt must be a real ISO date/],
      ['payment date not a date', { handedOverAt: '2026-07-01', contractNo: 'HĐ-1', fullyPaidAt: 'hôm qua' }, /fullyPaidAt must be a real ISO date/],
      ['unknown field', { handedOverAt: '2026-07-01', contractNo: 'HĐ-1', keys: 2 }, /property keys should not exist/],
    ]);
    await expectRefusedWithoutWrites(t, '/allocations/hp-trang-cat.A-1202.r1/revocation', [
      ['no reason', { decisionNo: '1790/QĐ-SXD' }, /^reason is required$/],
      ['blank decision number', { reason: 'Sai phạm', decisionNo: '  ' }, /decisionNo must not be blank/],
    ]);
  });
});

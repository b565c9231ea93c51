import { expect } from '@jest/globals';
import { bodyOf } from '../support/response-body';
import type { FindingPageView } from '../../src/inspection/findings/finding.view';
import type { FindingDetailView } from '../../src/inspection/queries/get-finding/finding-detail.view';
import request from 'supertest';
import { ProjectionsService } from '../../src/projections/projections.service';
import { boardPost } from '../support/board-api';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * A round over HTTP with abuse planted among clean applicants: each abuse must show in
 * GET /findings with its evidence, and no finding may name a clean applicant.
 * Citizen ids agree with the declared birth year and gender (their own digits are checked too).
 */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const person = (citizenId: string, fullName: string, dateOfBirth: string, gender: 'male' | 'female') => ({ citizenId, fullName, dateOfBirth, gender });

const X = person('031188000101', 'Nguyễn Thị Xuân', '1988-03-04', 'female'); // applies in two provinces
const A = person('031085000202', 'Trần Văn An', '1985-05-06', 'male'); // beneficiary…
const S = person('031187000303', 'Phạm Thị Sen', '1987-07-08', 'female'); // …whose spouse applies too
const C1 = person('031092000404', 'Lê Quốc Cường', '1992-01-20', 'male'); // one person…
const C2 = person('031092000505', 'LE QUOC CUONG', '1992-01-20', 'male'); // …under a second id
const R = person('031190000606', 'Đỗ Thị Giàu', '1990-02-02', 'female'); // 60 million a month, declared eligible
const B = person('031089000707', 'Vũ Văn Bán', '1989-09-09', 'male'); // resells early
const Q1 = person('031191000808', 'Hồ Thị Chờ', '1991-01-01', 'female'); // ranked first, skipped
const Q2 = person('031093000909', 'Bùi Văn Chen', '1993-03-03', 'male'); // ranked second, served first
const CLEAN = [person('031194001010', 'Ngô Thị Sạch', '1994-04-04', 'female'), person('031096001111', 'Dương Văn Thẳng', '1996-06-06', 'male')];

describe('a round with planted abuse, seen by an inspector', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = async (path: string, body: object, province = '31') => {
    const res = await boardPost(t, path, body, province);
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as { id: string };
  };
  const project = (id: string, province: string, units: string[]) =>
    post('/projects', { id, name: `NOXH ${id}`, provinceCode: province, investor: 'Công ty CP Nhà ở', kind: 'new', landAreaM2: 30_000, plannedUnits: 300 }, province).then(() =>
      post(`/projects/${id}/units`, { units: units.map((unitNo) => ({ unitNo, floorAreaM2: 56, tenure: 'sale', priceVnd: 1_100_000_000 })) }, province),
    );
  const apply = async (projectId: string, applicant: object, o: { province?: string; income?: number; household?: object[] } = {}) =>
    (
      await post(
        '/applications',
        {
          projectId, tenure: 'sale', applicant, household: o.household ?? [], category: 'worker', monthlyIncomeVnd: o.income ?? 14_000_000,
          housing: { ownsHome: false }, submittedAt: daysAgo(20), receivedBy: 'Phạm Thu Hà',
        },
        o.province,
      )
    ).id;
  const decide = (id: string, province = '31', extra: object = {}) =>
    post(`/applications/${id}/eligibility-decisions`, { outcome: 'eligible', decisionNo: `QĐ-${id.slice(0, 6)}`, decidedBy: 'Nguyễn Văn Quyết', decidedAt: daysAgo(10), ...extra }, province);
  const allocate = (applicationId: string, projectId: string, unitNo: string) =>
    post('/allocations', { applicationId, projectId, unitNo, decisionNo: `GN-${unitNo}`, decidedBy: 'Nguyễn Văn Quyết', decidedAt: daysAgo(5) });

  it('shows each planted abuse in GET /findings with its evidence, and nothing for the clean applicants', async () => {
    await project('hp-one', '31', ['A-1', 'A-2', 'A-3']);
    await project('hp-two', '31', ['B-1', 'B-2']);
    await project('kh-one', '56', ['K-1']);

    await apply('hp-one', X);
    await apply('kh-one', X, { province: '56' });

    const a = await apply('hp-one', A, { household: [{ ...S, relation: 'spouse' }] });
    await decide(a);
    await allocate(a, 'hp-one', 'A-1');
    await apply('kh-one', S, { province: '56' });

    await apply('hp-one', C1);
    await apply('hp-one', C2);

    const r = await apply('hp-one', R, { income: 60_000_000 });
    await decide(r, '31', { justification: 'Hoàn cảnh đặc biệt: chồng mất, nuôi ba con nhỏ' });

    const b = await apply('hp-one', B);
    await decide(b);
    await allocate(b, 'hp-one', 'A-2');
    await post('/units/hp-one/A-2/handover', { handedOverAt: daysAgo(4), contractNo: 'HĐ-A2', fullyPaidAt: daysAgo(4) });
    await post('/units/hp-one/A-2/transfers', { transferredAt: daysAgo(1), kind: 'resale', toCitizenId: '031170009999', priceVnd: 1_900_000_000 });

    await post('/land-fund/obligations', { commercialProjectId: 'hp-marina', name: 'Khu đô thị Marina', provinceCode: '31', residentialLandAreaM2: 120_000, dueDate: daysAgo(30) });
    await post('/land-fund/obligations/hp-marina/handovers', { form: 'land', areaM2: 1_000, parcel: 'Tờ 3, thửa 12', handedOverAt: daysAgo(1) });

    const q1 = await apply('hp-two', Q1);
    const q2 = await apply('hp-two', Q2);
    await decide(q1);
    await decide(q2);
    await post('/projects/hp-two/priority-rankings', { method: 'ballot', ranking: [q1, q2] });
    await allocate(q2, 'hp-two', 'B-1');

    for (const clean of CLEAN) {
      const id = await apply('hp-one', clean);
      await decide(id);
    }

    await t.app.get(ProjectionsService).catchUpAll();
    const inspector = t.auth({ role: 'inspector' });
    const res = await request(t.app.getHttpServer()).get('/api/v1/findings?status=open&pageSize=200').set(inspector).expect(200);
    const { items } = bodyOf<FindingPageView>(res);
    const by = (detector: string) => items.filter((f) => f.detector === detector);

    expect(by('duplicate-applicant').map((f) => f.citizenIds)).toEqual([[X.citizenId]]);
    expect(by('household-double-benefit').map((f) => [...f.citizenIds].sort())).toEqual([[A.citizenId, S.citizenId].sort()]);
    expect(by('identity-conflict').map((f) => [...f.citizenIds].sort())).toEqual([[C1.citizenId, C2.citizenId].sort()]);
    expect(by('decision-contradicts-policy').map((f) => f.citizenIds)).toEqual([[R.citizenId]]);
    expect(by('early-resale')).toHaveLength(1);
    expect(by('land-fund-shortfall')).toHaveLength(1);
    expect(by('queue-jump').map((f) => f.citizenIds)).toEqual([expect.arrayContaining([Q2.citizenId])]);
    items.forEach((f) => expect(f.evidence.length).toBeGreaterThan(0));

    const planted = ['duplicate-applicant', 'household-double-benefit', 'identity-conflict', 'decision-contradicts-policy', 'early-resale', 'land-fund-shortfall', 'queue-jump'];
    expect(items.filter((f) => !planted.includes(f.detector))).toEqual([]);
    const named = items.flatMap((f) => f.citizenIds);
    CLEAN.forEach((c) => expect(named).not.toContain(c.citizenId));

    const detail = await request(t.app.getHttpServer()).get(`/api/v1/findings/${by('early-resale')[0].id}`).set(inspector).expect(200);
    expect(bodyOf<FindingDetailView>(detail).evidenceEvents.map((e) => e.type)).toContain('UnitTransferred');
  });
});

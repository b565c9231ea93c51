import { expect } from '@jest/globals';
import type { Stream } from 'node:stream';
import request from 'supertest';
import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';
import { ProjectionsService } from '../../src/projections/projections.service';
import type { Role } from '../../src/shared/actor';
import type { ProjectOverviewView } from '../../src/allocation/queries/project-overview/project-overview.view';
import type { FindingPageView } from '../../src/inspection/findings/finding.view';
import type { AccessReportView } from '../../src/inspection/queries/access-report/access-report.view';
import type { LandFundObligationsView } from '../../src/land-fund/queries/list-obligations/list-obligations.view';
import { boardPost } from '../support/board-api';
import { bodyOf, errorOf } from '../support/response-body';
import { seedApplication, seedProject } from '../support/seed';
import { createTestApp, type TestApp } from '../support/test-app';

const binary = (res: Stream, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The read endpoints the web console added: who am I, a project's overview, land-fund obligations, the subject-access report, finding filters. */
describe('the console’s read endpoints', () => {
  let t: TestApp;
  const get = (path: string, role: Role = 'inspector', province?: string) =>
    request(t.app.getHttpServer()).get(`/api/v1${path}`).set(t.auth({ role, province, subject: `${role}-${province ?? 'vn'}` }));
  const LAN = '031190400001';

  beforeAll(async () => {
    t = await createTestApp();
    await seedProject(t, 'hp-c1', '31', [{ unitNo: 'A-1' }, { unitNo: 'A-2', tenure: 'rent' }]);
    await seedProject(t, 'hp-c2', '31', [{ unitNo: 'B-1' }]);
    await seedApplication(t, { applicationId: 'app-c1', projectId: 'hp-c1', citizenId: LAN, province: '31' });
    await seedApplication(t, { applicationId: 'app-c2', projectId: 'hp-c2', citizenId: LAN, province: '31' });
    await boardPost(t, '/allocations', { applicationId: 'app-c1', projectId: 'hp-c1', unitNo: 'A-1', decisionNo: '1/QĐ', decidedBy: 'Hội đồng', decidedAt: '2026-06-15' }).expect(201);
    await boardPost(t, '/land-fund/obligations', { commercialProjectId: 'hp-lf', name: 'Khu đô thị Marina', provinceCode: '31', residentialLandAreaM2: 50_000, dueDate: '2027-12-31' }).expect(201);
    await boardPost(t, '/land-fund/obligations/hp-lf/handovers', { form: 'land', areaM2: 4_000, parcel: 'Tờ 1, thửa 2', handedOverAt: '2026-09-01' }).expect(201);
    await t.app.get(ProjectionsService).catchUpAll();
  });
  afterAll(() => t.close());

  it('GET /auth/me says whose token it is, and 401 without one', async () => {
    expect((await get('/auth/me', 'board', '31').expect(200)).body).toEqual({ subject: 'board-31', role: 'board', province: '31' });
    await request(t.app.getHttpServer()).get('/api/v1/auth/me').expect(401);
  });

  it('GET /projects/:id/overview shows units and applications to the province’s board, 403 to another, 404 for none', async () => {
    const body = bodyOf<ProjectOverviewView>(await get('/projects/hp-c1/overview', 'board', '31').expect(200));
    expect(body).toMatchObject({ projectId: 'hp-c1', provinceCode: '31', plannedUnits: 500, releasedUnits: 2 });
    expect(body.units).toEqual([
      expect.objectContaining({ unitNo: 'A-1', status: 'allocated', applicationId: 'app-c1', citizenId: LAN, priceVnd: '1150000000', transfers: [] }),
      expect.objectContaining({ unitNo: 'A-2', status: 'available', tenure: 'rent', citizenId: null }),
    ]);
    expect(body.applications).toEqual([expect.objectContaining({ applicationId: 'app-c1', citizenId: LAN, eligibility: 'eligible', unitNo: 'A-1' })]);
    await get('/projects/hp-c1/overview', 'board', '56').expect(403);
    await get('/projects/hp-c1/overview', 'police', '31').expect(403);
    expect(errorOf(await get('/projects/nope/overview').expect(404)).code).toBe('PROJECT_NOT_FOUND');
  });

  it('GET /land-fund/obligations gives the shortfall and deadline, scoped to a board’s province', async () => {
    const body = bodyOf<LandFundObligationsView>(await get('/land-fund/obligations', 'board', '31').expect(200));
    expect(body.items).toEqual([
      { commercialProjectId: 'hp-lf', name: 'Khu đô thị Marina', provinceCode: '31', requiredAreaM2: 10_000, handedOverM2: 4_000, shortfallM2: 6_000,
        paidInLieuVnd: '0', discharged: false, dueDate: '2027-12-31', overdue: false, overdueSeenAt: null },
    ]);
    expect(bodyOf<LandFundObligationsView>(await get('/land-fund/obligations?province=56').expect(200)).items).toEqual([]);
    await get('/land-fund/obligations?province=56', 'board', '31').expect(403);
  });

  it('GET /findings filters by severity and citizen id and counts per detector', async () => {
    const page = async (query: string) => bodyOf<FindingPageView>(await get(`/findings${query}`).expect(200));
    const all = await page('');
    expect(all.countsByDetector['duplicate-applicant']).toBe(1);
    const severity = all.items.find((f) => f.detector === 'duplicate-applicant')?.severity;
    const other = ['low', 'medium', 'high'].find((s) => s !== severity);
    expect((await page(`?severity=${severity ?? ''}&detector=duplicate-applicant`)).total).toBe(1);
    expect((await page(`?severity=${other ?? ''}&detector=duplicate-applicant`)).total).toBe(0);
    const mine = await page(`?citizenId=${LAN}`);
    expect(mine.items.every((f) => f.citizenIds.includes(LAN))).toBe(true);
    expect(mine.total).toBeGreaterThan(0);
    expect((await page('?citizenId=031190400999')).total).toBe(0);
    expect(errorOf(await get('/findings?severity=extreme').expect(400)).messageEn).toEqual(['severity must be one of the following values: low, medium, high']);
  });

  it('GET /people/:id/access-report lists every recorded read of the person, and exports it to XLSX', async () => {
    await get(`/people/${LAN}/history`, 'inspector').expect(200);
    await get('/projects/hp-c1/overview', 'inspector').expect(200);
    const body = bodyOf<AccessReportView>(await get(`/people/${LAN}/access-report`, 'admin').expect(200));
    expect(body.citizenId).toBe(LAN);
    const endpoints = body.reads.map((r) => r.endpoint);
    expect(endpoints).toEqual(expect.arrayContaining(['GET /api/v1/people/:citizenId/history', 'GET /api/v1/projects/:id/overview']));
    expect(body.reads[0]).toMatchObject({ subject: expect.any(String), role: expect.any(String), at: expect.any(String), stream: expect.stringMatching(/^audit-reads-/) });
    // Producing a report is a read too: the next report shows it.
    const again = bodyOf<AccessReportView>(await get(`/people/${LAN}/access-report`, 'admin').expect(200));
    expect(again.reads.at(-1)).toMatchObject({ subject: 'admin-vn', endpoint: 'GET /api/v1/people/:citizenId/access-report' });

    const file = await get(`/people/${LAN}/access-report?format=xlsx`).buffer(true).parse(binary).expect(200);
    expect(file.headers['content-disposition']).toBe(`attachment; filename="truy-cap-${LAN}.xlsx"`);
    const book = new (await loadExcelJS()).Workbook();
    await book.xlsx.load(Uint8Array.from(file.body as Buffer).buffer);
    const sheet = book.getWorksheet('Truy cập dữ liệu');
    if (!sheet) throw new Error('the export has no sheet "Truy cập dữ liệu"');
    expect(sheet.getRow(3).getCell(1).value).toBe('Thời điểm');
    expect(sheet.rowCount).toBe(3 + again.reads.length + 1);

    await get(`/people/${LAN}/access-report`, 'board', '31').expect(403);
    await get('/people/12345/access-report').expect(400);
  });
});

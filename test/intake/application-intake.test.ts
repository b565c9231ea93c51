import { expect } from '@jest/globals';
import { importApplications, type IntakeReport } from '../../src/applications/intake/import-applications';
import { intakeTemplate } from '../../src/applications/intake/intake-template';
import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';
import type { Actor } from '../../src/shared/actor';
import { registerProject } from '../support/application-requests';
import { eventCount } from '../support/board-api';
import { clerkCsv, clerkWorkbook, goodIds } from '../support/clerk-files';
import request from 'supertest';
import { createTestApp, type TestApp } from '../support/test-app';

const board: Actor = { subject: 'board-31', role: 'board', province: '31' };
const rowsOf = (report: IntakeReport) => report.rejected.map((r) => [r.sheet, r.row]);

describe('spreadsheet intake (API.md "Bulk intake from spreadsheets")', () => {
  let t: TestApp;
  let project = 0;
  const nextProject = async () => {
    const id = `intake-${++project}`;
    await registerProject(t, id);
    return id;
  };
  const importInto = (projectId: string, bytes: Buffer, historical?: string) =>
    importApplications(t.store, bytes, { projectId, officer: 'Phạm Thu Hà', actor: board, historical });
  const submitted = async (projectId: string) =>
    (await t.db.pool.query<{ id: string; data: Record<string, unknown> }>(
      `SELECT data->>'applicationId' AS id, data FROM events WHERE type = 'ApplicationSubmitted' AND data->>'projectId' = $1 ORDER BY 1`, [projectId])).rows;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('imports exactly the good rows of a messy CSV and reports each bad row by number with every reason, in Vietnamese and English', async () => {
    const projectId = await nextProject();
    const report = await importInto(projectId, Buffer.from(clerkCsv()));
    expect(report.accepted).toBe(4);
    expect(rowsOf(report)).toEqual([['Hồ sơ', 4], ['Hồ sơ', 6], ['Hồ sơ', 8]]);
    const [row4, row6, row8] = report.rejected;
    expect(row4.errors).toEqual(expect.arrayContaining([
      "cột 'Số CCCD': phải gồm đúng 12 chữ số",
      "cột 'Ngày sinh': phải là ngày có thật, không ở tương lai",
      "cột 'Thu nhập bình quân tháng': 'mười triệu' không phải là số tiền (ví dụ 12.000.000)",
    ]));
    expect(row4.errors).toHaveLength(3);
    expect(row4.errorsEn).toEqual(expect.arrayContaining(['applicant.citizenId must be exactly 12 digits']));
    expect(row6.errors).toEqual([
      "cột 'Hình thức': 'bán' không hợp lệ; chọn: mua, thuê, thuê mua",
      "cột 'Giới tính': 'X' không hợp lệ; chọn: Nam, Nữ",
    ].sort((a, b) => (a.includes('Giới') ? 1 : -1) - (b.includes('Giới') ? 1 : -1)));
    expect(row8.errors).toEqual(["cột 'Mã hồ sơ': trùng với dòng 2 trong cùng tệp"]);
    const rows = await submitted(projectId);
    expect(rows.map((r) => r.id)).toEqual(['HS-01', 'HS-02', 'HS-04', 'HS-06']);
    expect(rows[0].data).toMatchObject({
      applicant: { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' },
      category: 'worker', monthlyIncomeVnd: 12_000_000, tenure: 'sale', housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
      submittedAt: '2025-09-15', receivedBy: 'Phạm Thu Hà', provinceCode: '31',
    });
    expect(rows[0].data).not.toHaveProperty('migratedFrom');
    expect(rows[1].data).toMatchObject({ tenure: 'hire-purchase', housing: { ownsHome: true, floorAreaPerPersonM2: 8 } });
  });

  it('writes the same rows and reports the same ones when the file goes in batches of two, written two at a time', async () => {
    const projectId = await nextProject();
    const report = await importApplications(t.store, Buffer.from(clerkCsv('SMALL-')), { projectId, officer: 'Phạm Thu Hà', actor: board, batchRows: 2 });
    expect({ accepted: report.accepted, rows: rowsOf(report) }).toEqual({ accepted: 4, rows: [['Hồ sơ', 4], ['Hồ sơ', 6], ['Hồ sơ', 8]] });
    // Row 8 repeats row 2's id from three batches earlier.
    expect(report.rejected[2].errors).toEqual(["cột 'Mã hồ sơ': trùng với dòng 2 trong cùng tệp"]);
    expect((await submitted(projectId)).map((r) => r.id)).toEqual(['SMALL-01', 'SMALL-02', 'SMALL-04', 'SMALL-06']);
  });

  it('reports a name with a NUL as its row\'s problem and writes the other good rows', async () => {
    const projectId = await nextProject();
    // A NUL is valid UTF-8 but cannot be stored (jsonb); a lone surrogate cannot even be decoded from a CSV.
    const nul = clerkCsv('NUL-').replace('Nguyễn Thị Lan', 'Nguyễn Thị\u0000 Lan');
    const report = await importInto(projectId, Buffer.from(nul));
    expect(report.accepted).toBe(3);
    expect(report.rejected[0]).toMatchObject({ row: 2, errors: ["cột 'Họ và tên': chứa ký tự NUL hoặc ký tự surrogate đơn lẻ"] });
    expect((await submitted(projectId)).map((r) => r.id)).toEqual(['NUL-02', 'NUL-04', 'NUL-06']);
  });

  it('importing the same file again writes nothing new', async () => {
    const projectId = await nextProject();
    const bytes = Buffer.from(clerkCsv('AGAIN-'));
    await importInto(projectId, bytes);
    const before = await eventCount(t);
    const again = await importInto(projectId, bytes);
    expect(again).toMatchObject({ accepted: 0, alreadyImported: 4 });
    expect(again.rejected).toHaveLength(3);
    expect(await eventCount(t)).toBe(before);
  });

  it.each([
    ['semicolons with a UTF-8 BOM', Buffer.from(`\ufeff${clerkCsv('SEMI-', ';')}`, 'utf8')],
    ['UTF-16 LE with its BOM (Excel "Unicode text")', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(clerkCsv('U16-', '\t'), 'utf16le')])],
  ])('reads %s the same way', async (_, bytes) => {
    const projectId = await nextProject();
    const report = await importInto(projectId, bytes);
    expect({ accepted: report.accepted, rows: rowsOf(report) }).toEqual({ accepted: 4, rows: [['Hồ sơ', 4], ['Hồ sơ', 6], ['Hồ sơ', 8]] });
  });

  it('reads .xlsx with its household sheet joined by Mã hồ sơ; a bad member rejects its whole file', async () => {
    const projectId = await nextProject();
    const report = await importInto(projectId, await clerkWorkbook('XLSX-'));
    expect(rowsOf(report)).toEqual([['Hồ sơ', 4], ['Hồ sơ', 6], ['Hồ sơ', 7], ['Hồ sơ', 8]]);
    expect(report.rejected[2].errors).toEqual(["Thành viên hộ dòng 4, cột 'Quan hệ': 'ông' không hợp lệ; chọn: vợ, chồng, con, bố, mẹ, khác"]);
    const rows = await submitted(projectId);
    expect(rows.map((r) => r.id)).toEqual(goodIds('XLSX-'));
    expect(rows[0].data.household).toEqual([
      { citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-09-30', gender: 'male', relation: 'spouse' },
      { citizenId: '031215000777', fullName: 'Trần Minh An', dateOfBirth: '2015-06-01', gender: null, relation: 'child' },
    ]);
    expect(rows[1].data).toMatchObject({ applicant: { dateOfBirth: '1985-01-20' }, monthlyIncomeVnd: 9_500_000 });
  });

  it('names a missing column precisely and writes nothing', async () => {
    const projectId = await nextProject();
    const before = await eventCount(t);
    const text = clerkCsv('HDR-').replace('Ngày sinh', 'Sinh nhật');
    await expect(importInto(projectId, Buffer.from(text))).rejects.toMatchObject({
      messageVi: expect.stringMatching(/^sheet 'Hồ sơ': cột 'Ngày sinh' không có; có: ma ho so, SỐ CCCD/),
    });
    expect(await eventCount(t)).toBe(before);
  });

  it('the template round-trips: its example row imports, its coded columns carry drop-down lists', async () => {
    const template = await intakeTemplate();
    const workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.load(template as unknown as ArrayBuffer);
    const files = workbook.getWorksheet('Hồ sơ');
    expect(files?.getCell('H2').dataValidation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('Danh mục')] });
    expect(files?.getCell('F3').dataValidation).toMatchObject({ type: 'list' });
    const projectId = await nextProject();
    const report = await importInto(projectId, template);
    expect(report).toEqual({ accepted: 1, alreadyImported: 0, rejected: [] });
    const [row] = await submitted(projectId);
    expect(row.data).toMatchObject({ applicationId: 'HS-0001', household: [expect.objectContaining({ relation: 'spouse', fullName: 'Trần Văn Hùng' })] });
  });

  it('--historical names the paper register in the events', async () => {
    const projectId = await nextProject();
    await importInto(projectId, Buffer.from(clerkCsv('PAPER-')), 'Sổ đăng ký NOXH Hải Phòng 2024');
    const rows = await submitted(projectId);
    expect(rows).toHaveLength(4);
    for (const r of rows) expect(r.data.migratedFrom).toBe('Sổ đăng ký NOXH Hải Phòng 2024');
  });

  it('validAt answers from the stated dates, asOf from what was recorded: a 2024 paper file migrated now', async () => {
    const projectId = await nextProject();
    await importInto(projectId, Buffer.from(clerkCsv('TT-')), 'Sổ giấy 2025');
    const get = (query: string) =>
      request(t.app.getHttpServer()).get(`/api/v1/applications/TT-01?${query}`).set(t.auth({ role: 'inspector', subject: 'thanh-tra-1' }));
    const asOf = await get('asOf=2025-01-01');
    expect(asOf.status).toBe(404);
    const before = await get('validAt=2025-09-14');
    expect(before.status).toBe(404);
    const valid = await get('validAt=2025-09-15');
    expect(valid.status).toBe(200);
    expect(valid.body).toMatchObject({ validAt: '2025-09-15', state: { status: 'open', submittedAt: '2025-09-15' } });
    expect((await get('asOf=2025-01-01&validAt=2025-12-31')).status).toBe(404);
  });
});

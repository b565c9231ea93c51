import { expect } from '@jest/globals';
import request from 'supertest';
import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';
import { applicationBody, applicant, registerProject } from '../support/application-requests';
import { boardPost, eventCount } from '../support/board-api';
import { errorOf } from '../support/response-body';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * Bodies a black-box probe sent to hurt the service, over HTTP: each is a 400 in API.md's shape,
 * in Vietnamese, small, and writes nothing.
 */
describe('requests built to hurt', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-hardening');
  });
  afterAll(() => t.close());

  /** Sends a raw JSON text, as curl --data-binary does. */
  const postRaw = (path: string, json: string) =>
    request(t.app.getHttpServer()).post(`/api/v1${path}`).set(t.auth({ role: 'board', province: '31' })).set('content-type', 'application/json').send(json);

  it('answers a body nested 1,500 levels deep with a 400, not a 500', async () => {
    const before = await eventCount(t);
    const res = await postRaw('/projects', `{"name":${'['.repeat(1500)}${']'.repeat(1500)}}`).expect(400);
    expect(errorOf(res).message).toEqual([expect.stringMatching(/^Yêu cầu lồng nhau quá sâu/)]);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses a body of 60,000 unknown keys with one short line', async () => {
    const keys = Array.from({ length: 60_000 }, (_, i) => `"k${i}":1`).join(',');
    const res = await postRaw('/projects', `{${keys}}`).expect(400);
    expect(errorOf(res).message).toEqual([expect.stringMatching(/quá nhiều trường/)]);
    expect(res.text.length).toBeLessThan(1000);
  });

  it.each([
    ['only zero-width spaces', '\u200b\u200b'],
    ['a newline and a bell', 'Nguyễn\nVăn\u0007A'],
  ])('refuses an applicant whose name holds %s, and writes nothing', async (_, fullName) => {
    const before = await eventCount(t);
    const res = await boardPost(t, '/applications', applicationBody('hp-hardening', { applicant: { ...applicant, fullName } })).expect(400);
    expect(errorOf(res).message).toEqual([expect.stringMatching(/^Trường 'applicant.fullName' /)]);
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses a malformed .xlsx in Vietnamese without echoing the library’s own error', async () => {
    const workbook = new (await loadExcelJS()).Workbook();
    workbook.addWorksheet('Hồ sơ').addRow(['Số CCCD', 'Họ và tên']);
    // Stored, not deflated, so the worksheet's root element can be renamed in place (exceljs checks no checksum).
    const stored = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } })).toString('latin1');
    const broken = Buffer.from(stored.replace('<worksheet ', '<worksheeX ').replace('</worksheet>', '</worksheeX>'), 'latin1');
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/projects/hp-hardening/applications/import')
      .set(t.auth({ role: 'board', province: '31' }))
      .attach('file', broken, { filename: 'ho-so.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })
      .expect(400);
    expect(errorOf(res).message).toEqual([expect.stringMatching(/^tệp \.xlsx bị hỏng.*không nhập dòng nào$/)]);
    expect(res.text).not.toMatch(/sheetNo|undefined|Cannot set/);
  });
});

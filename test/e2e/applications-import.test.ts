import { expect } from '@jest/globals';
import type { IntakeReport } from '../../src/applications/intake/import-applications';
import request from 'supertest';
import { registerProject } from '../support/application-requests';
import { eventCount } from '../support/board-api';
import { clerkCsv } from '../support/clerk-files';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

/** API.md "Bulk intake from spreadsheets": the HTTP form answers the CLI's report for the same file. */
describe('POST /api/v1/projects/:id/applications/import (nhập hồ sơ từ bảng tính)', () => {
  let t: TestApp;
  const board = (province = '31') => t.auth({ subject: 'Phạm Thu Hà', role: 'board', province });
  const upload = (projectId: string, bytes: Buffer, province = '31', field = 'file') =>
    request(t.app.getHttpServer())
      .post(`/api/v1/projects/${projectId}/applications/import`)
      .set(board(province))
      .attach(field, bytes, { filename: 'ho-so.csv', contentType: 'text/csv' });

  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'upload-1');
  });
  afterAll(() => t.close());

  it('imports the good rows, reports the bad ones by row with Vietnamese and English reasons, and a re-upload writes nothing', async () => {
    const bytes = Buffer.from(clerkCsv('UP-'));
    const first = await upload('upload-1', bytes).expect(200);
    expect(first.body).toMatchObject({ accepted: 4, alreadyImported: 0 });
    const { rejected } = bodyOf<IntakeReport>(first);
    expect(rejected.map((r) => r.row)).toEqual([4, 6, 8]);
    expect(rejected[0]).toMatchObject({
      errors: expect.arrayContaining(["cột 'Số CCCD': phải gồm đúng 12 chữ số"]),
      errorsEn: expect.arrayContaining(['applicant.citizenId must be exactly 12 digits']),
    });
    const before = await eventCount(t);
    const again = await upload('upload-1', bytes).expect(200);
    expect(again.body).toMatchObject({ accepted: 0, alreadyImported: 4 });
    expect(await eventCount(t)).toBe(before);
  });

  it('refuses what is not an upload of a spreadsheet, and writes nothing', async () => {
    const before = await eventCount(t);
    const json = await request(t.app.getHttpServer()).post('/api/v1/projects/upload-1/applications/import').set(board()).send({ file: 'x' }).expect(415);
    expect(errorOf(json).message).toEqual([expect.stringMatching(/multipart\/form-data/)]);
    const wrongField = await upload('upload-1', Buffer.from(clerkCsv('W-')), '31', 'spreadsheet').expect(400);
    expect(wrongField.body).toMatchObject({ message: ["Thiếu tệp trong trường 'file' của biểu mẫu"], messageEn: [expect.stringMatching(/'file'/)] });
    const garbage = await upload('upload-1', Buffer.from('PK\u0003\u0004 not really a workbook')).expect(400);
    expect(errorOf(garbage).message).toEqual([expect.stringMatching(/không nhập dòng nào$/)]);
    await upload('no-such-project', Buffer.from(clerkCsv('N-'))).expect(404);
    await upload('upload-1', Buffer.from(clerkCsv('P-')), '01').expect(403);
    await request(t.app.getHttpServer())
      .post('/api/v1/projects/upload-1/applications/import')
      .set(t.auth({ subject: 'ca-31', role: 'police', province: '31' }))
      .attach('file', Buffer.from(clerkCsv('Q-')), 'ho-so.csv')
      .expect(403);
    const keyed = await upload('upload-1', Buffer.from(clerkCsv('K-'))).set('Idempotency-Key', 'upload-1').expect(400);
    expect(errorOf(keyed).messageEn).toEqual([expect.stringMatching(/Idempotency-Key/)]);
    expect(await eventCount(t)).toBe(before);
  });
});

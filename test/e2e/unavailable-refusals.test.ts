import { expect } from '@jest/globals';
import request from 'supertest';
import { ProjectionsService } from '../../src/projections/projections.service';
import { applicationBody, registerProject, submitApplication } from '../support/application-requests';
import { FakeRegistry, json } from '../support/fake-population-registry';
import { errorOf } from '../support/response-body';
import { createTestApp } from '../support/test-app';

/**
 * The ledger's 503 refusals with a `code` say it like its other refusals (API.md "Errors"):
 * Vietnamese lines in `message` for the board or officer, the English, same order, in
 * `messageEn`; the `code` and Retry-After stay as they were.
 */
describe('503 refusals in Vietnamese, with the English beside them', () => {
  it('PROJECTION_LAGGING: a read waiting for a log position the read models never reach', async () => {
    const t = await createTestApp(undefined, { projections: 'live' });
    try {
      const res = await request(t.app.getHttpServer())
        .get('/api/v1/findings')
        .set({ ...t.auth({ role: 'inspector' }), 'X-Ledger-Position': '99999999/999999' })
        .expect(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      const body = errorOf(res);
      expect(body).toMatchObject({ statusCode: 503, code: 'PROJECTION_LAGGING' });
      expect(body.message).toEqual([expect.stringMatching(/^Dữ liệu để đọc \(read model\) vẫn đang cập nhật những gì đã ghi trước đó sau \d+ giây chờ; vui lòng thử lại sau \d+ giây$/)]);
      expect(body.messageEn).toEqual([expect.stringMatching(/^the read models are still applying earlier writes after \d+ s; retry in \d+ s$/)]);
    } finally {
      await t.close();
    }
  }, 30_000); // the read waits out its 10 s before refusing

  it('REGISTRY_UNAVAILABLE: the population registry unreachable (nothing listens on port 9)', async () => {
    const t = await createTestApp(undefined, { populationRegistry: { baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000 } });
    try {
      await registerProject(t, 'hp-dn', '31');
      await submitApplication(t, applicationBody('hp-dn', { applicant: { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' } }));
      await t.app.get(ProjectionsService).catchUpAll();
      const res = await request(t.app.getHttpServer()).post('/api/v1/population/checks').set(t.auth({ role: 'police', province: '31' })).send({}).expect(503);
      expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      const body = errorOf(res);
      expect(body).toMatchObject({ statusCode: 503, code: 'REGISTRY_UNAVAILABLE', checked: 0, mismatches: 0 });
      expect(body.message).toEqual([
        expect.stringMatching(/^Cơ sở dữ liệu dân cư tạm thời không trả lời được \(lỗi kết nối mạng\); chưa ghi gì cho các hồ sơ còn chờ kiểm tra, vui lòng thử lại sau \d+ giây$/),
      ]);
      expect(body.messageEn).toEqual([expect.stringMatching(/^population registry unavailable \(network\): .*; nothing was recorded for the files still due, retry in \d+ s$/)]);
    } finally {
      await t.close();
    }
  });

  it('REGISTRY_REJECTED (502): the registry refusing the lookup itself', async () => {
    const registry = new FakeRegistry();
    const t = await createTestApp(undefined, { populationRegistry: { baseUrl: await registry.start(), timeoutMs: 1000 } });
    try {
      registry.fallback = json(400, { error: 'bad request' });
      await registerProject(t, 'hp-tc', '31');
      await submitApplication(t, applicationBody('hp-tc', { applicant: { citizenId: '031190001235', fullName: 'Trần Văn Nam', dateOfBirth: '1988-02-01', gender: 'male' } }));
      await t.app.get(ProjectionsService).catchUpAll();
      const body = errorOf(await request(t.app.getHttpServer()).post('/api/v1/population/checks').set(t.auth({ role: 'police', province: '31' })).send({}).expect(502));
      expect(body).toMatchObject({ statusCode: 502, code: 'REGISTRY_REJECTED' });
      expect(body.message).toEqual(['Cơ sở dữ liệu dân cư từ chối yêu cầu tra cứu (mã 400); thử lại cũng không được, cần người vận hành kiểm tra']);
      expect(body.messageEn).toEqual([expect.stringMatching(/^population registry rejected the lookup with 400: /)]);
    } finally {
      await t.close();
      await registry.stop();
    }
  });
});

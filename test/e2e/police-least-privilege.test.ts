import { expect } from '@jest/globals';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import { ProjectionsService } from '../../src/projections/projections.service';
import { applicationBody, decideEligible, registerProject, submitApplication } from '../support/application-requests';
import { importRegistries, registryPerson } from '../support/registry-extracts';
import { createTestApp, type TestApp } from '../support/test-app';

const lan = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' as const };
const INCOME = 13_777_000;

/** Keys that carry income, beneficiary category or decision data (POLICY.md "Personal data"). */
const FORBIDDEN_KEY = /income|category|decision|outcome|eligib|policy|justification|priority|rank/i;

function keysOf(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, found));
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      found.push(key);
      keysOf(inner, found);
    }
  }
  return found;
}

describe('least privilege: no answer to a police token holds income, category or decision data', () => {
  let t: TestApp;
  let id: string;
  const answers: { route: string; status: number; body: unknown }[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-trang-cat', '31');
    // Lan is unknown to the registry: the check fails, a finding is raised, then she is decided eligible anyway.
    await importRegistries(t.db.pool, [registryPerson('031190009999', { fullName: lan.fullName, dateOfBirth: lan.dateOfBirth })], []);
    id = await submitApplication(t, applicationBody('hp-trang-cat', { applicant: lan, monthlyIncomeVnd: INCOME, category: 'worker' }));
    await request(t.app.getHttpServer()).post('/api/v1/population/checks').set(t.auth({ role: 'police', province: '31' })).send({}).expect(202);
    await decideEligible(t, id);
    await t.app.get(ProjectionsService).catchUpAll();
    const [finding] = (await t.db.pool.query<{ id: string }>('SELECT id FROM findings LIMIT 1')).rows;

    // Every route the service documents, called as police with real ids in its path.
    const params: Record<string, string> = {
      applicationId: id, id, citizenId: lan.citizenId, streamId: `application-${id}`, provinceCode: '31',
      projectId: 'hp-trang-cat', unitNo: 'A-101',
    };
    const doc = buildOpenApiDocument(t.app);
    for (const [template, operations] of Object.entries(doc.paths)) {
      for (const method of ['get', 'post'] as const) {
        if (!operations[method]) continue;
        const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'id' && template.startsWith('/api/v1/findings') ? finding.id : params[name]));
        const res = await request(t.app.getHttpServer())[method](path).set(t.auth({ role: 'police', province: '31' })).send({});
        answers.push({ route: `${method.toUpperCase()} ${template}`, status: res.status, body: res.body });
      }
    }
  });
  afterAll(() => t.close());

  it('reached the police endpoints with real data (the assertion below is not vacuous)', () => {
    const ok = answers.filter((a) => a.status < 300).map((a) => a.route);
    expect(ok).toEqual(expect.arrayContaining(['GET /api/v1/population/checks/{applicationId}', 'POST /api/v1/population/checks']));
    const checks = answers.find((a) => a.route === 'GET /api/v1/population/checks/{applicationId}')?.body as { checks: { persons: { identity: string }[] }[] };
    expect(checks.checks[0].persons[0].identity).toBe('unknown');
  });

  it('finds no income, category or decision field or value in any answer', () => {
    const leaks = answers.flatMap(({ route, body }) => {
      const text = JSON.stringify(body);
      return [
        ...keysOf(body).filter((key) => FORBIDDEN_KEY.test(key)).map((key) => `${route}: key ${key}`),
        ...(text.includes(String(INCOME)) ? [`${route}: the income`] : []),
        ...(text.includes('"worker"') ? [`${route}: the category`] : []),
        ...(/"eligible"|1532\/QĐ-SXD/.test(text) ? [`${route}: the decision`] : []),
      ];
    });
    expect(leaks).toEqual([]);
  });

  it('keeps police off every route that serves such data: findings, people, applications, streams, exports', () => {
    const refused = answers.filter((a) => a.status === 403).map((a) => a.route);
    expect(refused).toEqual(
      expect.arrayContaining([
        'GET /api/v1/findings',
        'GET /api/v1/findings/{id}',
        'GET /api/v1/people/{citizenId}/history',
        'GET /api/v1/applications/{id}',
        'GET /api/v1/streams/{streamId}/events',
        'GET /api/v1/findings/export',
      ]),
    );
  });
});

import request from 'supertest';
import { ProjectionsService } from '../../src/projections/projections.service';
import { applicationBody, registerProject, submitApplication } from '../support/application-requests';
import { eventCount } from '../support/board-api';
import { FakeRegistry, json } from '../support/fake-population-registry';
import { registryPerson } from '../support/registry-extracts';
import { createTestApp, type TestApp } from '../support/test-app';
import { errorOf } from '../support/response-body';

const lan = { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' as const };

describe('police cross-check against the registry service (POPULATION_REGISTRY_URL)', () => {
  let registry: FakeRegistry;
  let t: TestApp;
  let id: string;
  const check = () => request(t.app.getHttpServer()).post('/api/v1/population/checks').set(t.auth({ role: 'police', province: '31' })).send({});
  const knowsLan = json(200, { snapshot: 'dan-cu-2026-11-23', people: [registryPerson(lan.citizenId, { fullName: lan.fullName })] });

  beforeAll(async () => {
    registry = new FakeRegistry();
    const baseUrl = await registry.start();
    t = await createTestApp(undefined, { populationRegistry: { baseUrl, timeoutMs: 1000 } });
    await registerProject(t, 'hp-trang-cat', '31');
    id = await submitApplication(t, applicationBody('hp-trang-cat', { applicant: lan }));
    await t.app.get(ProjectionsService).catchUpAll();
  });
  afterAll(async () => {
    await t.close();
    await registry.stop();
  });

  it('answers 503 with the registry’s Retry-After and records nothing while the registry is overloaded', async () => {
    registry.fallback = json(503, { error: 'overloaded' }, { 'retry-after': '120' });
    const before = await eventCount(t);
    const res = await check().expect(503);
    expect(res.headers['retry-after']).toBe('120');
    expect(res.body).toMatchObject({ statusCode: 503, code: 'REGISTRY_UNAVAILABLE', checked: 0, mismatches: 0 });
    expect(await eventCount(t)).toBe(before);
  });

  it('retries a failing registry, then answers 503 with a Retry-After of its own, never recording a match', async () => {
    registry.fallback = json(500, 'boom');
    const hitsBefore = registry.hits.length;
    const before = await eventCount(t);
    const res = await check().expect(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(registry.hits.length - hitsBefore).toBe(3);
    expect(await eventCount(t)).toBe(before);
    expect(await t.store.readStream(`application-${id}`)).toHaveLength(1);
  });

  it('answers 502 REGISTRY_REJECTED when the registry refuses the request itself', async () => {
    registry.fallback = json(400, { error: 'bad request' });
    const before = await eventCount(t);
    expect(errorOf(await check().expect(502)).code).toBe('REGISTRY_REJECTED');
    expect(await eventCount(t)).toBe(before);
  });

  it('checks the file once the registry is back: it was still due, and the check cites the service’s snapshot', async () => {
    registry.fallback = knowsLan;
    expect((await check().expect(202)).body).toEqual({ checked: 1, mismatches: 0 });
    const [, recorded] = await t.store.readStream(`application-${id}`);
    expect(recorded.data.sources).toEqual({ population: { kind: 'http', snapshot: 'dan-cu-2026-11-23' }, land: { kind: 'extract', snapshot: 'none' } });
    // No land extract imported: housing is unknown, not "owns none".
    expect((recorded.data.persons as { ownsHousingInProvince: unknown }[])[0].ownsHousingInProvince).toBeNull();
  });
});

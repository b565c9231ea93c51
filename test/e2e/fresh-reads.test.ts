import { expect } from '@jest/globals';
import { bodyOf, errorOf } from '../support/response-body';
import type { FindingPageView } from '../../src/inspection/findings/finding.view';
import request from 'supertest';
import { applicant, applicationBody, registerProject } from '../support/application-requests';
import { boardPost } from '../support/board-api';
import { eventually } from '../support/eventually';
import { createTestApp, type TestApp } from '../support/test-app';

/** With live projections, as `npm start` runs them: reads wait for the writes before them. */
describe('reads that never run behind a write', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(undefined, { projections: 'live' });
    await registerProject(t, 'fr-1');
    await registerProject(t, 'fr-2');
  });
  afterAll(() => t.close());

  const inspector = () => t.auth({ role: 'inspector' });

  it('answers every write with the log position it reached', async () => {
    const response = await boardPost(t, '/applications', applicationBody('fr-1', { applicant: { ...applicant, citizenId: '031190009001' } })).expect(201);
    expect(response.headers['x-ledger-position']).toMatch(/^\d+\/\d+$/);
  });

  it('shows a finding raised by the write just before the query, without waiting on the client side', async () => {
    const twice = { ...applicant, citizenId: '031190009002' };
    await boardPost(t, '/applications', applicationBody('fr-1', { applicant: twice })).expect(201);
    await boardPost(t, '/applications', applicationBody('fr-2', { applicant: twice })).expect(201);
    const body = bodyOf<FindingPageView>(await request(t.app.getHttpServer()).get('/api/v1/findings').query({ detector: 'duplicate-applicant' }).set(inspector()).expect(200));
    expect(body.items.map((f) => f.citizenIds)).toContainEqual(['031190009002']);
  });

  it('refuses a malformed X-Ledger-Position with 400', async () => {
    const body = errorOf(await request(t.app.getHttpServer()).get('/api/v1/findings').set({ ...inspector(), 'X-Ledger-Position': 'latest' }).expect(400));
    expect(body.messageEn).toEqual([expect.stringContaining('x-ledger-position')]);
    expect(body.message).toEqual([expect.stringMatching(/^Header x-ledger-position /)]);
  });

  it('reports a projection stopped at an event it cannot apply on /health, naming the event', async () => {
    // A unit release with no unit number: the write side refuses it, an older or foreign writer may not have.
    const { events } = await t.store.append('unit-fr-1.', [{ type: 'UnitReleased', data: { projectId: 'fr-1', floorAreaM2: 50, tenure: 'sale', priceVnd: 1, releasedAt: '2026-01-01' } }],
      { expectedRevision: 'any', actor: { subject: 'legacy-import', role: 'admin' } });
    let health: { status: string; details: { projections: { status: string; failures?: { eventId: string; position: string; error: string }[] } } } | undefined;
    await eventually(async () => {
      const response = await request(t.app.getHttpServer()).get('/health');
      health = response.body as typeof health;
      return response.status === 503 && health?.details.projections.status === 'down';
    });
    expect(health?.details.projections.failures?.[0]).toMatchObject({ eventId: events[0].eventId, error: expect.stringContaining('rm_units.unit_no') });
  });
});

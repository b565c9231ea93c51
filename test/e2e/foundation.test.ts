import { expect } from '@jest/globals';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { buildOpenApiDocument } from '../../src/http/configure-app';
import type { LedgerVerificationView } from '../../src/audit/queries/verify-ledger/ledger-verification.view';
import type { StreamEventsView } from '../../src/audit/queries/read-stream/stream-events.view';
import { bodyOf } from '../support/response-body';
import { createTestApp, TEST_JWT_SECRET, TestApp } from '../support/test-app';

/** Terminus's /health body, as far as these tests read it. */
interface Health {
  status: string;
  info: Record<'database' | 'eventStore' | 'projections', { status: string; lag?: Record<string, number> }>;
}

describe('the service over HTTP', () => {
  let t: TestApp;
  const http = () => request(t.app.getHttpServer());

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports database, event store and projection lag on /health without a token', async () => {
    const health = bodyOf<Health>(await http().get('/health').expect(200));
    expect(health.status).toBe('ok');
    expect(health.info.database.status).toBe('up');
    expect(health.info.eventStore).toMatchObject({ status: 'up', backend: 'postgres' });
    expect(health.info.projections).toMatchObject({ status: 'up', maxLag: 0 });
  });

  it('reports a projection behind the log as lag in events', async () => {
    await t.db.pool.query(`INSERT INTO projection_checkpoints (name, commit_position, prepare_position) VALUES ('applications', 0, 0)`);
    await t.store.append('lag-1', [{ type: 'A', data: {} }, { type: 'B', data: {} }], { expectedRevision: 'any', actor: { subject: 's', role: 'admin' } });
    const res = await http().get('/health').expect(200);
    expect(bodyOf<Health>(res).info.projections.lag?.applications).toBeGreaterThanOrEqual(2);
    await t.db.pool.query(`DELETE FROM projection_checkpoints`);
  });

  it('describes every endpoint in the OpenAPI document, with bearer auth', () => {
    const doc = buildOpenApiDocument(t.app);
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/api/v1/streams/{streamId}/events', '/api/v1/audit/verify']));
    expect(doc.components?.securitySchemes?.bearer).toBeDefined();
  });

  describe('auth (API.md): 401 without a valid token, 403 for the wrong role or province', () => {
    it('401 without a token', async () => {
      const res = await http().get('/api/v1/audit/verify').expect(401);
      expect(res.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: ['Cần mã truy cập (bearer token) để dùng chức năng này'],
        messageEn: ['A bearer token is required'],
      });
    });

    it('401 for a token signed with another secret, or expired', async () => {
      const forged = await new JwtService().signAsync({ sub: 'x', role: 'inspector' }, { secret: 'another-secret-of-at-least-32-chars!!' });
      await http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${forged}`).expect(401);
      const expired = await new JwtService().signAsync(
        { sub: 'x', role: 'inspector', exp: Math.floor(Date.now() / 1000) - 10 },
        { secret: TEST_JWT_SECRET },
      );
      await http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${expired}`).expect(401);
    });

    it('401 for a board token without a province claim', async () => {
      const noProvince = await new JwtService().signAsync({ sub: 'x', role: 'board' }, { secret: TEST_JWT_SECRET });
      await http().get('/api/v1/audit/verify').set('Authorization', `Bearer ${noProvince}`).expect(401);
    });

    it('403 for a valid token of a role the route does not allow', async () => {
      const res = await http().get('/api/v1/audit/verify').set(t.auth({ role: 'police' })).expect(403);
      expect(res.body).toEqual({
        statusCode: 403,
        error: 'Forbidden',
        message: ['Vai trò Công an không được làm việc này; được phép: Thanh tra, Quản trị'],
        messageEn: [expect.stringMatching(/^Role police may not do this; allowed: /)],
      });
    });

    it('403 for a board reading a stream another province wrote; 200 for its own', async () => {
      const writer = { subject: 'board-hp', role: 'board' as const, province: '31' };
      await t.store.append('application-scope-1', [{ type: 'ApplicationSubmitted', data: { fullName: 'Trần Văn Bình' } }], { expectedRevision: 'no_stream', actor: writer });
      const other = await http().get('/api/v1/streams/application-scope-1/events').set(t.auth({ role: 'board', province: '56' })).expect(403);
      expect(other.body).toMatchObject({ message: ['Luồng application-scope-1 có sự kiện của tỉnh khác'], messageEn: ['Stream application-scope-1 holds events of another province'] });
      await http().get('/api/v1/streams/application-scope-1/events').set(t.auth({ role: 'board', province: '31' })).expect(200);
    });
  });

  it('returns raw events with positions and hashes to an inspector', async () => {
    const actor = { subject: 'board-hp', role: 'board' as const, province: '31' };
    await t.store.append('project-raw-1', [{ type: 'ProjectRegistered', data: { name: 'NOXH Tràng Cát' } }], { expectedRevision: 'no_stream', actor });
    const res = await http().get('/api/v1/streams/project-raw-1/events').set(t.auth({ role: 'inspector' })).expect(200);
    const { stream, events } = bodyOf<StreamEventsView>(res);
    expect(stream).toBe('project-raw-1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      type: 'ProjectRegistered',
      revision: 0,
      data: { name: 'NOXH Tràng Cát' },
      prevHash: '0'.repeat(64),
      metadata: { actor },
    });
    expect(events[0].globalPosition).toMatch(/^\d+$/);
    expect(events[0].hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('records an inspector’s read of raw events, naming the citizens in them', async () => {
    const actor = { subject: 'board-hp', role: 'board' as const, province: '31' };
    const household = [{ citizenId: '031088004321', relation: 'spouse' }];
    await t.store.append('application-read-1', [{ type: 'ApplicationSubmitted', data: { applicant: { citizenId: '031190001234' }, household } }], {
      expectedRevision: 'no_stream',
      actor,
    });
    await http().get('/api/v1/streams/application-read-1/events').set(t.auth({ role: 'inspector', subject: 'thanh-tra-7' })).expect(200);
    const day = new Date().toISOString().slice(0, 10);
    const reads = (await t.store.readStream(`audit-reads-${day}`)).filter((e) => (e.data.what as { ids: string[] }).ids.includes('application-read-1'));
    expect(reads.map((e) => e.data)).toEqual([
      expect.objectContaining({
        actor: { subject: 'thanh-tra-7', role: 'inspector', province: null },
        what: { endpoint: 'GET /api/v1/streams/:streamId/events', ids: ['application-read-1'], citizenIds: ['031088004321', '031190001234'] },
      }),
    ]);
  });

  it('maps an unknown stream to 404 with a code', async () => {
    const res = await http().get('/api/v1/streams/project-nope/events').set(t.auth({ role: 'inspector' })).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'STREAM_NOT_FOUND' });
  });

  it('verifies the ledger, and names the first altered event', async () => {
    const ok = await http().get('/api/v1/audit/verify').set(t.auth({ role: 'inspector' })).expect(200);
    expect(ok.body).toMatchObject({ ok: true, lastCheckpoint: null });
    expect(bodyOf<LedgerVerificationView>(ok).eventsChecked).toBeGreaterThan(0);

    const client = await t.db.pool.connect();
    try {
      await client.query(`SET session_replication_role = replica`);
      await client.query(`UPDATE events SET data = '{"name":"NOXH Khác"}' WHERE stream_id = 'project-raw-1'`);
    } finally {
      await client.query(`RESET session_replication_role`);
      client.release();
    }
    const bad = await http().get('/api/v1/audit/verify').set(t.auth({ role: 'admin' })).expect(200);
    expect(bad.body).toMatchObject({
      ok: false,
      firstBad: { stream: 'project-raw-1', revision: 0, reason: 'content does not match its hash: the event was altered', reasonVi: 'nội dung không khớp với mã băm: sự kiện đã bị sửa' },
    });
  });
});

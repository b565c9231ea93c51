import { expect } from '@jest/globals';
import request from 'supertest';
import { createTestApp, TestApp } from '../support/test-app';

/**
 * The service's log as main.ts wires it (src/logging): one JSON line per request with its status
 * and the acting user, Nest's own messages as JSON lines beside them, and never a bearer token.
 */
type Line = Record<string, unknown> & { level: number; msg?: string };

function capture(): { write(line: string): void; text(): string; lines(): Line[] } {
  let text = '';
  return {
    write: (line) => void (text += line),
    text: () => text,
    lines: () => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line),
  };
}

describe('the service log', () => {
  describe('at LOG_LEVEL=info', () => {
    const log = capture();
    let t: TestApp;
    let bearer: string;

    beforeAll(async () => {
      t = await createTestApp(undefined, { logLevel: 'info' }, log);
      bearer = t.auth({ role: 'inspector', subject: 'thanh-tra-7' }).Authorization;
      await request(t.app.getHttpServer()).get('/api/v1/audit/verify').set('Authorization', bearer).expect(200);
      await request(t.app.getHttpServer()).get('/api/v1/audit/verify').set('Authorization', `${bearer}x`).expect(401);
      await request(t.app.getHttpServer()).get('/api/v1/audit/verify').set('Authorization', bearer).set('Cookie', `session=${bearer}`).expect(200);
    });
    afterAll(() => t.close());

    it('writes one line per request when it completes, with the status, the time taken and the actor', () => {
      const requests = log.lines().filter((l) => (l.req as { url?: string } | undefined)?.url === '/api/v1/audit/verify');
      expect(requests).toHaveLength(3);
      expect(requests.map((l) => l.msg)).toEqual(['request completed', 'request completed', 'request completed']);
      expect(requests[0]).toMatchObject({
        level: 30,
        reqId: expect.any(String),
        req: { method: 'GET', url: '/api/v1/audit/verify' },
        res: { statusCode: 200 },
        responseTime: expect.any(Number),
        actor: { subject: 'thanh-tra-7', role: 'inspector' },
      });
      // A token that does not verify names no one.
      expect(requests[1]).toMatchObject({ res: { statusCode: 401 } });
      expect(requests[1].actor).toBeUndefined();
    });

    it('never writes the bearer token, whole or in part, nor any request header', () => {
      const token = bearer.replace(/^Bearer /, '');
      expect(log.text()).not.toContain(token);
      // The signature alone would do as much harm as the token.
      expect(log.text()).not.toContain(token.split('.')[2]);
      for (const line of log.lines()) expect(JSON.stringify(line.req ?? {})).not.toMatch(/headers|authorization|cookie/i);
    });

    it("writes Nest's own messages as JSON lines with their context", () => {
      expect(log.lines()).toContainEqual(expect.objectContaining({ level: 30, context: 'NestApplication', msg: expect.stringMatching(/started/) }));
    });
  });

  it('writes nothing at LOG_LEVEL=silent', async () => {
    const log = capture();
    const t = await createTestApp(undefined, { logLevel: 'silent' }, log);
    try {
      await request(t.app.getHttpServer()).get('/api/v1/audit/verify').set(t.auth({ role: 'inspector' })).expect(200);
      await request(t.app.getHttpServer()).get('/health').expect(200);
    } finally {
      await t.close();
    }
    expect(log.text()).toBe('');
  });
});

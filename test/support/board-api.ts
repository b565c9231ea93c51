import { expect } from '@jest/globals';
import request from 'supertest';
import type { TestApp } from './test-app';
import { errorOf } from './response-body';

/** Events in the whole log: a refused request must leave it unchanged. */
export async function eventCount(t: TestApp): Promise<number> {
  const { rows } = await t.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events');
  return Number(rows[0].n);
}

/** A POST as a board of `province` (default Hải Phòng, 31). */
export function boardPost(t: TestApp, path: string, body: object, province = '31', headers: Record<string, string> = {}) {
  return request(t.app.getHttpServer())
    .post(`/api/v1${path}`)
    .set(t.auth({ role: 'board', province, subject: `board-${province}` }))
    .set(headers)
    .send(body);
}

/**
 * Sends each bad body and checks the API.md contract: 400, one message line naming the field (its
 * English in `messageEn`; `message` is the board's Vietnamese),
 * and not one event written.
 */
export async function expectRefusedWithoutWrites(
  t: TestApp,
  path: string,
  cases: [string, object, RegExp][],
  province = '31',
): Promise<void> {
  for (const [label, body, message] of cases) {
    const before = await eventCount(t);
    const res = await boardPost(t, path, body, province);
    expect({ label, status: res.status }).toEqual({ label, status: 400 });
    expect(errorOf(res).error).toBe('Bad Request');
    expect({ label, message: errorOf(res).messageEn }).toEqual({ label, message: expect.arrayContaining([expect.stringMatching(message)]) });
    expect({ label, events: await eventCount(t) }).toEqual({ label, events: before });
  }
}

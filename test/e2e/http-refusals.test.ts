import { expect } from '@jest/globals';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import request from 'supertest';
import { registerProject } from '../support/application-requests';
import { expectBilingualError } from '../support/bilingual-error';
import { eventCount } from '../support/board-api';
import { clerkCsv } from '../support/clerk-files';
import { errorOf } from '../support/response-body';
import { createTestApp, type TestApp } from '../support/test-app';

/**
 * What the HTTP layer itself refuses, before any handler decides anything: broken uploads, bytes
 * that are not UTF-8, compressed bodies, bad URLs, unknown routes. Each answer is the API.md error
 * shape (Vietnamese `message`, English `messageEn`) and nothing is written.
 */
describe('refusals of the HTTP layer (API.md "Errors")', () => {
  let t: TestApp;
  const project = { id: 'p10', name: 'Dự án', provinceCode: '31', investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 10_000, plannedUnits: 1 };
  const board = () => t.auth({ role: 'board', province: '31', subject: 'board-31' });
  const server = () => t.app.getHttpServer();
  // Raw bytes go through Fastify's inject: supertest would re-serialize a Buffer sent as JSON.
  const postRaw = async (url: string, payload: Buffer | string, headers: Record<string, string>) => {
    const res = await t.app.inject({ method: 'POST', url, headers: { ...board(), ...headers }, payload });
    return { status: res.statusCode, headers: res.headers, body: res.json<unknown>() };
  };
  const postProject = (payload: Buffer | string, headers: Record<string, string>) => postRaw('/api/v1/projects', payload, headers);
  const upload = () => request(server()).post('/api/v1/projects/up-1/applications/import').set(board());
  const uploadRaw = (payload: Buffer | string, headers: Record<string, string>) => postRaw('/api/v1/projects/up-1/applications/import', payload, headers);

  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'up-1');
  });
  afterAll(() => t.close());

  describe('a malformed multipart upload is a 400, never a 500', () => {
    const boundary = 'noxh-boundary';
    const multipart = { 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    const filePart = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.csv"\r\nContent-Type: text/csv\r\n\r\n`;

    it('refuses a form field beside (or instead of) the file', async () => {
      const before = await eventCount(t);
      expectBilingualError('a field instead of the file', await upload().field('other', 'x'), 400);
      expectBilingualError('a field before the file', await upload().field('other', 'x').attach('file', Buffer.from(clerkCsv('F-')), 'ho-so.csv'), 400);
      expect(await eventCount(t)).toBe(before);
    });

    it('refuses a multipart body without a boundary, and a part cut short', async () => {
      const before = await eventCount(t);
      expectBilingualError('no boundary', await uploadRaw('x', { 'Content-Type': 'multipart/form-data' }), 400);
      expectBilingualError('a part terminated early', await uploadRaw(`${filePart}${clerkCsv('T-')}`, multipart), 400);
      expectBilingualError('an unfinished header', await uploadRaw(`--${boundary}\r\nContent-Disposition: form-da`, multipart), 400);
      expect(await eventCount(t)).toBe(before);
    });

    it('still refuses a second file with 400 and takes a well-formed upload', async () => {
      const twoFiles = upload().attach('file', Buffer.from(clerkCsv('D-')), 'a.csv').attach('file', Buffer.from(clerkCsv('E-')), 'b.csv');
      expectBilingualError('two files', await twoFiles, 400);
      await upload().attach('file', Buffer.from(clerkCsv('OK-')), 'ho-so.csv').expect(200);
    });
  });

  describe('a JSON body must be UTF-8', () => {
    it('refuses bytes that are not UTF-8 with 400 and writes nothing', async () => {
      const before = await eventCount(t);
      const json = JSON.stringify(project);
      const [head, tail] = json.split('Dự án');
      const bad = Buffer.concat([Buffer.from(`${head}D`), Buffer.from([0xff, 0xfe]), Buffer.from(tail)]);
      expectBilingualError('\\xff\\xfe in a name', await postProject(bad, { 'Content-Type': 'application/json' }), 400);
      // Latin-1 "á" (0xE1) as a Windows clerk's tool might send it.
      const latin1 = Buffer.from(JSON.stringify({ ...project, name: 'Dự án Hà Nội' }).replace('á', '\u00e1'), 'latin1');
      expectBilingualError('Latin-1', await postProject(latin1, { 'Content-Type': 'application/json; charset=utf-8' }), 400);
      // A surrogate encoded as UTF-8 (CESU-8) is not UTF-8 either.
      const cesu = Buffer.concat([Buffer.from(head), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(tail)]);
      expectBilingualError('an encoded surrogate', await postProject(cesu, { 'Content-Type': 'application/json' }), 400);
      expect(await eventCount(t)).toBe(before);
    });

    it('still refuses prototype keys, and takes UTF-8 (with or without a BOM)', async () => {
      const before = await eventCount(t);
      const poisoned = `{"__proto__":{"x":1},${JSON.stringify(project).slice(1)}`;
      expectBilingualError('__proto__', await postProject(poisoned, { 'Content-Type': 'application/json' }), 400);
      const constructor = `{"constructor":{"prototype":{"x":1}},${JSON.stringify(project).slice(1)}`;
      expectBilingualError('constructor.prototype', await postProject(constructor, { 'Content-Type': 'application/json' }), 400);
      expect(await eventCount(t)).toBe(before);
      expect((await postProject(Buffer.from(JSON.stringify({ ...project, id: 'p-utf8', name: 'Nhà ở xã hội Đằng Hải' })), { 'Content-Type': 'application/json' })).status).toBe(201);
      const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify({ ...project, id: 'p-bom' }))]);
      expect((await postProject(withBom, { 'Content-Type': 'application/json' })).status).toBe(201);
    });
  });

  describe('a body must not be content-coded', () => {
    it('refuses any Content-Encoding but identity with 415, writing nothing', async () => {
      const before = await eventCount(t);
      const json = JSON.stringify({ ...project, id: 'p-coded' });
      const json415 = { 'Content-Type': 'application/json' };
      const cases: [string, Buffer | string, string][] = [
        ['plain JSON labelled gzip', json, 'gzip'],
        ['plain JSON labelled br', json, 'br'],
        ['gzipped JSON', gzipSync(json), 'gzip'],
        ['brotli JSON', brotliCompressSync(json), 'br'],
        ['deflate, then identity', json, 'deflate, identity'],
        ['an unknown coding', json, 'x-noxh'],
      ];
      for (const [label, bytes, coding] of cases) {
        const res = await postProject(bytes, { ...json415, 'Content-Encoding': coding });
        expectBilingualError(label, res, 415);
        expect(res.headers['accept-encoding']).toBe('identity');
      }
      const gzUpload = await upload().set('Content-Encoding', 'gzip').attach('file', Buffer.from(clerkCsv('G-')), 'ho-so.csv');
      expectBilingualError('a gzip-labelled upload', gzUpload, 415);
      expect(await eventCount(t)).toBe(before);
      expect((await postProject(json, { ...json415, 'Content-Encoding': 'Identity' })).status).toBe(201);
    });
  });

  describe('every other refusal in the same shape', () => {
    const get = (path: string) => request(server()).get(path).set(t.auth({ role: 'inspector' }));

    it('answers a URL that does not decode with 400', async () => {
      expectBilingualError('%ff', await get('/api/v1/applications/%ff'), 400);
      expectBilingualError('%ff in the query', await get('/api/v1/applications/app-1?asOf=%ff'), 400);
    });

    it('lets the route’s own validation answer a very long id', async () => {
      const res = await get(`/api/v1/applications/${'a'.repeat(10 * 1024)}`);
      expectBilingualError('a 10 KB id', res, 400);
      expect(errorOf(res).messageEn).toEqual(expect.arrayContaining([expect.stringMatching(/^id /)]));
    });

    it('answers an unknown route with 404', async () => {
      expectBilingualError('unknown route', await get('/api/v1/no-such-thing'), 404);
      expectBilingualError('unknown method', await request(server()).delete('/api/v1/projects').set(board()), 404);
    });

    it('answers empty, non-JSON and oversized bodies and a wrong media type', async () => {
      const before = await eventCount(t);
      const empty = await postProject('', { 'Content-Type': 'application/json' });
      expectBilingualError('empty body', empty, 400);
      // Fastify's refusals get a line of their own, not only their status's.
      expect(errorOf(empty).message).toEqual(['Nội dung yêu cầu trống; cần một đối tượng JSON']);
      const notJson = await postProject('{"id":', { 'Content-Type': 'application/json' });
      expectBilingualError('not JSON', notJson, 400);
      expect(errorOf(notJson).message).toEqual([expect.stringMatching(/^Nội dung yêu cầu không phải JSON hợp lệ/)]);
      expectBilingualError('null', await postProject('null', { 'Content-Type': 'application/json' }), 400);
      expectBilingualError('3 MB', await postProject(JSON.stringify({ ...project, blob: 'x'.repeat(3 * 1024 * 1024) }), { 'Content-Type': 'application/json' }), 413);
      expectBilingualError('text/plain', await postProject(JSON.stringify(project), { 'Content-Type': 'text/plain' }), 415);
      expectBilingualError('JSON to the upload', await upload().send({ file: 'x' }), 415);
      expect(await eventCount(t)).toBe(before);
    });

    it('answers a request head too large for the server with 431', async () => {
      expectBilingualError('a 20 KB header', await get('/api/v1/projects').set('X-Padding', 'x'.repeat(20 * 1024)), 431);
    });

    it('answers 429 past the public rate limit', async () => {
      let res = await request(server()).get('/api/v1/public/projects/up-1/beneficiaries');
      for (let i = 0; i < 70 && res.status !== 429; i++) res = await request(server()).get('/api/v1/public/projects/up-1/beneficiaries');
      expectBilingualError('rate limited', res, 429);
      expect(errorOf(res)).toMatchObject({ code: 'RATE_LIMITED', message: [expect.stringMatching(/^Quá nhiều yêu cầu từ địa chỉ này; vui lòng thử lại sau \d+ giây$/)] });
    });
  });
});

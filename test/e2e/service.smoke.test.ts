import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Pool } from 'pg';
import { freePort } from '../../src/database/embedded-postgres';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { systemClock } from '../../src/shared/clock';

/**
 * The README's promise, on the built service (`npm test` builds dist/ first): with no
 * DATABASE_URL it starts its own PostgreSQL under DATA_DIR, serves /health and /docs, accepts a
 * token from `noxh token`, stops cleanly on SIGTERM, and keeps its events across a restart.
 */
// Jest runs from the repository root (npm test); the suite is ESM, so there is no __dirname.
const ROOT = process.cwd();
const run = promisify(execFile);

describe('the built service, started as `npm start` does', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  let pgPort: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-smoke-'));
    // As root, PostgreSQL runs as the postgres user, which must be able to enter DATA_DIR.
    await chmod(dataDir, 0o755);
    const port = await freePort();
    pgPort = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(pgPort), LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    delete env.JWT_SECRET;
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('serves /health and /docs with an embedded database, and keeps events across a restart', async () => {
    let server = await start(env, base);
    try {
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, eventStore: { status: 'up' } } });
      const ui = await fetch(`${base}/docs`);
      expect(ui.status).toBe(200);
      expect(await ui.text()).toMatch(/swagger-ui/i);
      const doc = (await (await fetch(`${base}/docs-json`)).json()) as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toContain('/api/v1/audit/verify');

      // Written straight into the embedded database the service started.
      const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
      const pool = new Pool({ connectionString: `postgres://noxh:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/noxh` });
      const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
      // A whole ProgrammeTargetSet (programme.events.ts): the live ledger projection refuses one
      // without its province, and /health then reports the projection down.
      const event = { type: 'ProgrammeTargetSet', data: { provinceCode: '31', period: '2021-2025', units: 15400, setAt: new Date().toISOString() } };
      await store.append('programme-31', [event], {
        expectedRevision: 'no_stream',
        actor: { subject: 'smoke', role: 'admin' },
      });
      await pool.end();
    } finally {
      await stop(server);
    }

    server = await start(env, base);
    try {
      const { stdout } = await run('node', [join(ROOT, 'dist/src/cli.js'), 'token', '--role', 'inspector', '--sub', 'thanh-tra'], { env });
      const res = await fetch(`${base}/api/v1/streams/programme-31/events`, { headers: { Authorization: `Bearer ${stdout.trim()}` } });
      expect(res.status).toBe(200);
      const body = (await res.json()) as { events: { type: string; data: { units: number } }[] };
      expect(body.events.map((e) => [e.type, e.data.units])).toEqual([['ProgrammeTargetSet', 15400]]);
    } finally {
      await stop(server);
    }
  }, 120_000);

  it('runs the live projections on their own thread: a write is read back at once, and an event they cannot apply is named by /health', async () => {
    const server = await start(env, base);
    try {
      const { stdout } = await run('node', [join(ROOT, 'dist/src/cli.js'), 'token', '--role', 'inspector', '--sub', 'thanh-tra'], { env });
      const auth = { Authorization: `Bearer ${stdout.trim()}` };
      const password = (await readFile(join(dataDir, 'postgres-password'), 'utf8')).trim();
      const pool = new Pool({ connectionString: `postgres://noxh:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/noxh` });
      const store = new PostgresEventStore(pool, systemClock, 1024 * 1024);
      const actor = { subject: 'smoke', role: 'admin' as const };
      try {
        await store.append('programme-01', [{ type: 'ProgrammeTargetSet', data: { provinceCode: '01', period: '2026-2030', units: 9000, setAt: new Date().toISOString() } }], { expectedRevision: 'no_stream', actor });
        // A fresh read waits for the thread's projection to pass the write.
        const progress = await fetch(`${base}/api/v1/programmes/01/progress`, { headers: auth });
        expect(progress.status).toBe(200);
        expect(((await progress.json()) as { targets: { period: string; units: number }[] }).targets).toEqual([expect.objectContaining({ period: '2026-2030', units: 9000 })]);

        // No province: the ledger projection cannot hold it, and stops there.
        const [bad] = (await store.append('programme-02', [{ type: 'ProgrammeTargetSet', data: { period: '2026-2030', units: 10, setAt: new Date().toISOString() } }], { expectedRevision: 'no_stream', actor })).events;
        const deadline = Date.now() + 20_000;
        let health: { status: string; error?: { projections?: { failures?: { projection: string; eventId: string; type: string }[] } } } = { status: 'ok' };
        while (Date.now() < deadline && health.status === 'ok') {
          health = (await (await fetch(`${base}/health`)).json()) as typeof health;
          if (health.status === 'ok') await new Promise((r) => setTimeout(r, 200));
        }
        expect(health.status).toBe('error');
        expect(health.error?.projections?.failures).toEqual([expect.objectContaining({ projection: 'ledger', eventId: bad.eventId, type: 'ProgrammeTargetSet' })]);
      } finally {
        await pool.end();
      }
    } finally {
      await stop(server);
    }
  }, 120_000);

  it('refuses a bad setting with one line naming it, before starting anything', async () => {
    const result = await run('node', [join(ROOT, 'dist/src/main.js')], { env: { ...env, PORT: 'eighty' } }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr.trim()).toBe('Lỗi cấu hình: PORT phải là số nguyên từ 1 đến 65535 (nhận được "eighty")\nConfiguration error: PORT must be a whole number from 1 to 65535 (got "eighty")');
  });

  it('`noxh token` refuses a board token without a province', async () => {
    const result = await run('node', [join(ROOT, 'dist/src/cli.js'), 'token', '--role', 'board'], { env }).catch((e: unknown) => e as { code: number; stderr: string });
    expect(result).toMatchObject({ code: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/token vai trò board cần --province/);
  });
});

async function start(env: NodeJS.ProcessEnv, base: string): Promise<ChildProcess> {
  const child = spawn('node', [join(ROOT, 'dist/src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output}`);
    const up = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (up) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not become healthy in 60 s:\n${output}`);
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
}

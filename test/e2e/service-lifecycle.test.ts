import { ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { clusterDirectory } from '../../src/database/cluster-directory';
import { freePort } from '../../src/database/embedded-postgres';
import { alive } from '../../src/database/orphaned-server';
import { runCli } from '../support/built-cli';

/**
 * The service's life cycle as an operator runs it: `npm start` (the launcher builds only when
 * dist/ is stale; `npm test` has just built it), with no EMBEDDED_PG_PORT, in a DATA_DIR inside a
 * 0700 folder (as root, PostgreSQL runs as the postgres user, who cannot enter it).
 */
// Jest runs from the repository root (npm test); the suite is ESM, so there is no __dirname.
const ROOT = process.cwd();
const run = promisify(execFile);

describe('starting and stopping the service', () => {
  let parent: string;
  let env: NodeJS.ProcessEnv;
  let base: string;
  let port: number;

  beforeAll(async () => {
    // mkdtemp makes it 0700; left so on purpose.
    parent = await mkdtemp(join(tmpdir(), 'noxh-life-'));
    port = await freePort();
    base = `http://127.0.0.1:${port}`;
    env = { ...process.env, DATA_DIR: join(parent, 'data'), PORT: String(port), LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
    delete env.DATABASE_URL;
    delete env.EMBEDDED_PG_PORT;
  });
  afterAll(async () => {
    // As root the cluster lives outside DATA_DIR (cluster-directory.ts): it goes too.
    await rm(await clusterDirectory(join(parent, 'data', 'postgres'), process.getuid?.() === 0), { recursive: true, force: true });
    await rm(parent, { recursive: true, force: true });
  });

  it('runs from a DATA_DIR in a 0700 folder on a recorded free port the CLI finds, and SIGTERM to `npm start` leaves no process within 10 s', async () => {
    expect((await stat(parent)).mode & 0o777).toBe(0o700);
    const npm = await start(['npm', 'start'], env, base);
    const tree = await descendants(npm.pid ?? 0);
    try {
      // `exec`: node is npm's own child, with no shell between to swallow the signal.
      expect(tree.find((p) => p.ppid === npm.pid)?.args).toBe('node dist/src/main.js');
      expect(tree.some((p) => /postgres/.test(p.args))).toBe(true);

      const pgPort = Number((await readFile(join(parent, 'data', 'postgres-port'), 'utf8')).trim());
      expect(pgPort).not.toBe(54329);
      expect(tree.some((p) => p.args.includes(`-p ${pgPort}`))).toBe(true);
      const list = await runCli(env, 'registry', 'list');
      expect(list).toMatchObject({ code: 0, stdout: 'population: chưa có bản trích lục nào (noxh registry import FILE.csv)\n' });
      expect(list.stderr).toContain(`dùng PostgreSQL nhúng đang chạy ở cổng ${pgPort}`);
      // Generated for this DATA_DIR, not the same everywhere.
      expect((await readFile(join(parent, 'data', 'postgres-password'), 'utf8')).trim()).toMatch(/^[\w-]{32}$/);
    } catch (error) {
      // A failed check must not leave the service and its PostgreSQL running for the rest of the suite.
      for (const p of [npm.pid ?? 0, ...tree.map((t) => t.pid)]) {
        try {
          process.kill(p, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      throw error;
    }

    const started = Date.now();
    npm.kill('SIGTERM');
    await gone([npm.pid ?? 0, ...tree.map((p) => p.pid)], 10_000);
    expect(Date.now() - started).toBeLessThan(10_000);
  }, 120_000);

  it('Ctrl-C in a terminal (SIGINT to the whole process group: npm forwards a second one to node) leaves no process within 10 s', async () => {
    const npm = await start(['npm', 'start'], env, base, { detached: true });
    const tree = await descendants(npm.pid ?? 0);
    expect(tree.some((p) => /postgres/.test(p.args))).toBe(true);
    const exited = once(npm, 'exit');
    process.kill(-(npm.pid ?? 0), 'SIGINT');
    await gone([npm.pid ?? 0, ...tree.map((p) => p.pid)], 10_000);
    await exited;
    expect(npm.output()).not.toMatch(/not stopped within/);
  }, 120_000);

  it('a start that fails on a taken HTTP port stops its PostgreSQL, and the next start is healthy', async () => {
    const taken: Server = createServer();
    taken.listen(port, '127.0.0.1');
    await once(taken, 'listening');
    try {
      const failed = await run('node', [join(ROOT, 'dist/src/main.js')], { env, cwd: ROOT }).catch((e: unknown) => e as { code: number; stderr: string });
      expect(failed).toMatchObject({ code: 1 });
      expect((failed as { stderr: string }).stderr).toMatch(/Khởi động thất bại \(start-up failed\): .*EADDRINUSE/);
    } finally {
      taken.close();
    }
    const pgPort = Number((await readFile(join(parent, 'data', 'postgres-port'), 'utf8')).trim());
    const { stdout } = await run('ps', ['-eo', 'args']);
    expect(stdout.split('\n').filter((args) => args.includes(`-p ${pgPort}`))).toEqual([]);
    await expectHealthyStartThatStops(env, base);
  }, 120_000);

  it('SIGTERM while the embedded PostgreSQL starts stops it too, and the next start is healthy', async () => {
    const service = spawn('node', ['dist/src/main.js'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = once(service, 'exit');
    // The line the service prints just before it starts PostgreSQL.
    await new Promise<void>((resolve) => {
      service.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('khởi động PostgreSQL nhúng')) resolve();
      });
    });
    service.kill('SIGTERM');
    expect((await exited)[0]).toBe(0);
    const cluster = await clusterDirectory(join(parent, 'data', 'postgres'), process.getuid?.() === 0);
    const { stdout } = await run('ps', ['-eo', 'args']);
    expect(stdout.split('\n').filter((args) => args.includes(`-D ${cluster} `))).toEqual([]);
    await expectHealthyStartThatStops(env, base);
  }, 120_000);

  it('SIGKILL leaves the embedded PostgreSQL running; the next start stops it, says so, and is healthy', async () => {
    const service = await start(['node', 'dist/src/main.js'], env, base);
    const postmaster = (await descendants(service.pid ?? 0)).find((p) => p.ppid === service.pid && /postgres/.test(p.args));
    expect(postmaster).toBeDefined();
    const exited = once(service, 'exit');
    service.kill('SIGKILL');
    await exited;
    // What a kill -9 or the OOM killer leaves: the server, orphaned, still holding DATA_DIR.
    expect(alive(postmaster?.pid ?? 0)).toBe(true);
    const next = await start(['node', 'dist/src/main.js'], env, base);
    try {
      expect(next.output()).toContain(`(PID ${postmaster?.pid}) đã được dừng trước khi khởi động lại`);
      expect(alive(postmaster?.pid ?? 0)).toBe(false);
    } finally {
      const stopped = once(next, 'exit');
      next.kill('SIGTERM');
      expect((await stopped)[0]).toBe(0);
    }
  }, 120_000);
});

/** The service starts healthy, and SIGTERM ends it with exit code 0. */
async function expectHealthyStartThatStops(env: NodeJS.ProcessEnv, base: string): Promise<void> {
  const service = await start(['node', 'dist/src/main.js'], env, base);
  const exited = once(service, 'exit');
  service.kill('SIGTERM');
  expect((await exited)[0]).toBe(0);
}

interface Proc {
  pid: number;
  ppid: number;
  args: string;
}

/** Every process under `pid`, from ps. */
async function descendants(pid: number): Promise<Proc[]> {
  const { stdout } = await run('ps', ['-eo', 'pid=,ppid=,args=']);
  const all = stdout
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
  const found: Proc[] = [];
  for (let parents = new Set([pid]); parents.size > 0; ) {
    const children = all.filter((p) => parents.has(p.ppid));
    found.push(...children);
    parents = new Set(children.map((p) => p.pid));
  }
  return found;
}

async function gone(pids: number[], ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const living = () => pids.filter(alive);
  while (living().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(living()).toEqual([]);
}

/** A service started by a test, with what it printed so far. */
type Started = ChildProcess & { output(): string };

/** `detached`: in a process group of its own, as a terminal starts a command (its Ctrl-C reaches the whole group). */
async function start([command, ...args]: string[], env: NodeJS.ProcessEnv, base: string, { detached = false } = {}): Promise<Started> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output}`);
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return Object.assign(child, { output: () => output });
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not become healthy in 90 s:\n${output}`);
}

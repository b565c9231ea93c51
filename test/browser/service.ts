import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../src/database/embedded-postgres';

const run = promisify(execFile);
const ROOT = process.cwd();

/** The built service as `npm start` runs it, on a fresh DATA_DIR (its own embedded PostgreSQL). */
export interface RunningService {
  base: string;
  token(role: 'board' | 'inspector' | 'police' | 'admin', sub: string, province?: string): Promise<string>;
  stop(): Promise<void>;
}

export async function startService(): Promise<RunningService> {
  const dataDir = await mkdtemp(join(tmpdir(), 'noxh-browser-'));
  // As root, PostgreSQL runs as the postgres user, which must be able to enter DATA_DIR.
  await chmod(dataDir, 0o755);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), EMBEDDED_PG_PORT: String(await freePort()), LOG_LEVEL: 'warn', HOST: '127.0.0.1' };
  delete env.DATABASE_URL;
  delete env.JWT_SECRET;
  const child = spawn('node', [join(ROOT, 'dist/src/main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await waitHealthy(child, base, () => output);
  return {
    base,
    async token(role, sub, province) {
      const args = [join(ROOT, 'dist/src/cli.js'), 'token', '--role', role, '--sub', sub, ...(province ? ['--province', province] : [])];
      return (await run('node', args, { env })).stdout.trim();
    },
    async stop() {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function waitHealthy(child: ChildProcess, base: string, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}:\n${output()}`);
    if (await fetch(`${base}/health`).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`service did not become healthy in 90 s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

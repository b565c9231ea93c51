import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PostgresBuild } from './postgres-build';

/** The user PostgreSQL runs as when this process is root (it refuses to run as root itself). */
export interface PostgresOwner {
  uid: number;
  gid: number;
}

/** English server messages: the start-up waits for one of them. */
const ENVIRONMENT = { ...process.env, LC_MESSAGES: 'C' };
const READY = 'database system is ready to accept connections';
/** What a failure quotes of PostgreSQL's own output. */
const LAST_LINES = 8;

const run = promisify(execFile);

/** The `postgres` system user, created when missing (as root only). */
export async function postgresOwner(): Promise<PostgresOwner> {
  const ids = async (): Promise<PostgresOwner> => {
    const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await run('groupadd', ['--system', 'postgres']).catch(() => undefined);
    await run('useradd', ['--system', '--gid', 'postgres', '--no-create-home', 'postgres']);
    return ids();
  }
}

/** Creates a cluster in `dataDir` (initdb), owned by `owner` when given, with one superuser. */
export async function initialiseCluster(build: PostgresBuild, dataDir: string, user: string, password: string, owner?: PostgresOwner): Promise<void> {
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dataDir, owner.uid, owner.gid);
  // The password goes to initdb in a file only it can read, removed right after.
  const folder = await mkdtemp(join(tmpdir(), 'noxh-initdb-'));
  const passwordFile = join(folder, 'password');
  try {
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    if (owner) {
      await chown(folder, owner.uid, owner.gid);
      await chown(passwordFile, owner.uid, owner.gid);
    }
    await chmod(folder, 0o700);
    const args = [
      `--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${user}`, `--pwfile=${passwordFile}`, '--lc-messages=C', '--encoding=UTF8', '--locale=C.UTF-8',
    ];
    await new Promise<void>((resolve, reject) => {
      const initdb = spawn(build.initdb, args, { ...owner, env: ENVIRONMENT, stdio: ['ignore', 'ignore', 'pipe'] });
      const output = tail(initdb);
      initdb.once('error', (error) => reject(new Error(`initdb could not run (${build.initdb}): ${error.message}`)));
      initdb.once('close', (code, signal) => {
        if (code === 0) resolve();
        else reject(new Error(`initdb failed (${signal ?? `exit ${String(code)}`}): ${output()}`));
      });
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** PostgreSQL serving `dataDir` on `port`, once it accepts connections; its output goes to `log`. */
export async function startServer(
  build: PostgresBuild,
  dataDir: string,
  port: number,
  flags: readonly string[],
  log: (line: string) => void,
  owner?: PostgresOwner,
): Promise<ChildProcess> {
  // Its own process group: a Ctrl-C at the terminal reaches this process only, which stops the
  // server after what runs on it has closed, not at the same instant.
  const server = spawn(build.postgres, ['-D', dataDir, '-p', String(port), ...flags], {
    ...owner, env: ENVIRONMENT, stdio: ['ignore', 'ignore', 'pipe'], detached: true,
  });
  let ready: () => void = () => undefined;
  const output = tail(server, (line) => {
    log(line);
    if (line.includes(READY)) ready();
  });
  await new Promise<void>((resolve, reject) => {
    const closed = (code: number | null, signal: NodeJS.Signals | null) => {
      reject(new Error(`PostgreSQL stopped before it was ready (${signal ?? `exit ${String(code)}`}): ${output()}`));
    };
    ready = () => {
      server.off('close', closed);
      resolve();
    };
    server.once('error', (error) => {
      reject(new Error(`PostgreSQL could not run (${build.postgres}): ${error.message}`));
    });
    server.once('close', closed);
  });
  // Past start-up, a failed signal is reported here rather than thrown at the process.
  server.on('error', (error) => log(`PostgreSQL: ${error.message}`));
  return server;
}

/**
 * Reads the process's stderr, line by line, for as long as it runs (a pipe nobody reads would
 * block its logging); returns what its last lines said, for an error message.
 */
function tail(child: ChildProcess, onLine: (line: string) => void = () => undefined): () => string {
  const last: string[] = [];
  let partial = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.map((l) => l.trim()).filter((l) => l !== '')) {
      onLine(line);
      last.push(line);
      if (last.length > LAST_LINES) last.shift();
    }
  });
  return () => [...last, partial.trim()].filter((l) => l !== '').join(' | ');
}

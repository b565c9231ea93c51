import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMigrations } from '../../src/database/data-source';
import { runAdminSql, withDatabase } from '../../src/database/admin-sql';
import { freePort, startEmbeddedPostgres } from '../../src/database/embedded-postgres';
import { TEMPLATE_DATABASE } from './test-database';

declare global {
  var __NOXH_PG_STOP__: (() => Promise<void>) | undefined;
}

/**
 * Starts one PostgreSQL for the run (embedded, unless DATABASE_URL names a server) and builds a
 * migrated template database; each test file clones it (`createTestDatabase`).
 */
export default async function globalSetup(): Promise<void> {
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const directory = await mkdtemp(join(tmpdir(), 'noxh-test-'));
    const running = await startEmbeddedPostgres({ directory, port: await freePort(), log: () => undefined });
    globalThis.__NOXH_PG_STOP__ = async () => {
      await running.stop();
      // As root the cluster of a 0700 folder lives outside it (cluster-directory.ts): every run left one behind.
      await rm(running.databaseDir, { recursive: true, force: true });
      await rm(directory, { recursive: true, force: true });
    };
    adminUrl = running.url('postgres');
  }
  process.env.NOXH_TEST_ADMIN_URL = adminUrl;

  await runAdminSql(adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
  await runAdminSql(adminUrl, `CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
}

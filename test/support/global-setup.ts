import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { runMigrations } from '../../src/database/data-source';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres';
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
      await rm(directory, { recursive: true, force: true });
    };
    adminUrl = running.url('postgres');
  }
  process.env.NOXH_TEST_ADMIN_URL = adminUrl;

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  await runMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

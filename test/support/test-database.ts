import { randomBytes } from 'node:crypto';
import { Client, Pool } from 'pg';

export const TEMPLATE_DATABASE = 'noxh_template';

export interface TestDatabase {
  url: string;
  pool: Pool;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file, cloned from the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.NOXH_TEST_ADMIN_URL;
  if (!adminUrl) throw new Error('NOXH_TEST_ADMIN_URL is unset: run the tests through test/jest.config.js');
  const name = `noxh_test_${randomBytes(6).toString('hex')}`;
  await admin(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new Pool({ connectionString: url.toString(), max: 40 });
  return {
    url: url.toString(),
    pool,
    async drop() {
      await pool.end();
      await admin(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { runAdminSql, withDatabase } from '../../src/database/admin-sql';

export const TEMPLATE_DATABASE = 'noxh_template';

/** PostgreSQL's admin_shutdown: the backend was ended by DROP DATABASE … WITH (FORCE). */
const ADMIN_SHUTDOWN = '57P01';

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
  await runAdminSql(adminUrl, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DATABASE}`);
  const url = withDatabase(adminUrl, name);
  const pool = new Pool({ connectionString: url, max: 40 });
  // pg-pool's end() resolves once its clients are told to end, not once their sockets close, so
  // the forced DROP below can still reach one. Without a listener that error would fail the file;
  // any other idle-connection error is kept and reported by drop().
  const idleErrors: Error[] = [];
  pool.on('error', (error: Error & { code?: string }) => {
    if (error.code !== ADMIN_SHUTDOWN) idleErrors.push(error);
  });
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await runAdminSql(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      if (idleErrors.length > 0) throw new Error(`test database ${name}: idle connection failed: ${idleErrors[0].message}`);
    },
  };
}

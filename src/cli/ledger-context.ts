import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { createDataSource } from '../database/data-source';
import { resolveDatabase } from '../database/resolve-database';
import type { EventStore } from '../event-store/event-store.port';
import { openEventStore } from '../event-store/open-event-store';
import { type Clock, systemClock } from '../shared/clock';

/** What a command that reads or rebuilds the ledger needs: the read-model database and the event store. */
export interface LedgerContext {
  dataSource: DataSource;
  store: EventStore;
  clock: Clock;
  close(): Promise<void>;
}

/**
 * Opened by the commands that need it, not at CLI start-up, so `noxh token` never touches a
 * database. The same database as the service: DATABASE_URL, or the embedded PostgreSQL under
 * DATA_DIR (the running service's, if it is up). Messages go to stderr: stdout is the output.
 */
export async function openLedgerContext(): Promise<LedgerContext> {
  const config = loadConfig();
  const database = await resolveDatabase(config, { log: (line) => process.stderr.write(`${line}\n`), ownSignals: false, reuseRunning: true });
  const dataSource = createDataSource(database.url);
  try {
    await dataSource.initialize();
    // A fresh embedded database has no schema yet; the service would create it the same way.
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
    throw error;
  }
  const pool = new Pool({ connectionString: database.url, max: 4 });
  // Without a listener an idle connection the server drops would crash the command mid-import.
  pool.on('error', (error) => process.stderr.write(`cơ sở dữ liệu: mất một kết nối đang rỗi: ${error.message}\n`));
  const store = await openEventStore(config, pool, systemClock);
  return {
    dataSource,
    store,
    clock: systemClock,
    async close() {
      await store.close();
      await pool.end();
      await dataSource.destroy();
      await database.stop();
    },
  };
}

/** Runs `work` with a context and always closes it (and stops an embedded database it started). */
export async function withLedger<T>(work: (context: LedgerContext) => Promise<T>): Promise<T> {
  const context = await openLedgerContext();
  try {
    return await work(context);
  } finally {
    await context.close();
  }
}

/** A command's expected failure: one line on stderr and exit code 1, no stack trace. */
export function fail(message: string): void {
  process.stderr.write(`noxh: ${message}\n`);
  process.exitCode = 1;
}

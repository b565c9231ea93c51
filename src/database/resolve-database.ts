import { resolve } from 'node:path';
import { Client } from 'pg';
import type { AppConfig } from '../config/app-config';
import { embeddedPassword, recordedPassword, recordedPort, recordPort } from './embedded-credentials';
import { freePort, startEmbeddedPostgres } from './embedded-postgres';

/** The database to use, and how to let go of it when done. */
export interface ResolvedDatabase {
  url: string;
  /** Whether this process started the embedded PostgreSQL (and so must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

export interface ResolveOptions {
  log: (line: string) => void;
  /**
   * The service shuts down in order on SIGINT/SIGTERM itself, stopping the database last. A CLI
   * command does not: on those signals the database it started is stopped here, then the process
   * ends, so no PostgreSQL is left holding DATA_DIR.
   */
  ownSignals: boolean;
  /**
   * A CLI command run beside `npm start` finds the service's embedded PostgreSQL on the port
   * recorded in DATA_DIR; it uses that one instead of failing to start a second on the same data.
   */
  reuseRunning?: boolean;
}

const EMBEDDED_DATABASE = 'noxh';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR (API.md "Running"),
 * the same for the service and the CLI, so both see the same data.
 */
export async function resolveDatabase(config: AppConfig, { log, ownSignals, reuseRunning = false }: ResolveOptions): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: () => Promise.resolve() };
  const directory = resolve(config.dataDir, 'postgres');
  if (reuseRunning) {
    const running = await runningEmbedded(config);
    if (running) {
      log(`Không có DATABASE_URL: dùng PostgreSQL nhúng đang chạy ở cổng ${running.port} (embedded PostgreSQL already running)`);
      return { url: running.url, embedded: false, stop: () => Promise.resolve() };
    }
  }
  // A fixed port would collide with another DATA_DIR's service (or anything else) on the machine.
  const port = config.embeddedPostgresPort ?? (await freePort());
  const password = await embeddedPassword(config.dataDir);
  log(`Không có DATABASE_URL: khởi động PostgreSQL nhúng trong ${directory} ở cổng ${port} (starting embedded PostgreSQL)`);
  const running = await startEmbeddedPostgres({ directory, port, password, log: () => undefined });
  if (running.stoppedOrphan !== undefined) {
    log(`PostgreSQL nhúng mà một lần chạy bị dừng đột ngột để lại (PID ${running.stoppedOrphan}) đã được dừng trước khi khởi động lại (stopped the embedded PostgreSQL a killed run left behind)`);
  }
  if (!running.databaseDir.startsWith(directory)) log(`Người dùng postgres không vào được ${directory}: tệp của cụm cơ sở dữ liệu nằm ở ${running.databaseDir} (the postgres user cannot reach the folder)`);
  if (!ownSignals) stopOnSignals(running);
  try {
    await recordPort(config.dataDir, port);
    const url = await running.createDatabase(EMBEDDED_DATABASE);
    return { url, embedded: true, stop: () => running.stop() };
  } catch (error) {
    await running.stop();
    throw error;
  }
}

/** The embedded PostgreSQL another process (the service) runs for this DATA_DIR, if it answers. */
async function runningEmbedded(config: AppConfig): Promise<{ url: string; port: number } | undefined> {
  const port = config.embeddedPostgresPort ?? (await recordedPort(config.dataDir));
  const password = await recordedPassword(config.dataDir);
  if (port === undefined || password === undefined) return undefined;
  const url = `postgres://noxh:${encodeURIComponent(password)}@127.0.0.1:${port}/${EMBEDDED_DATABASE}`;
  return (await accepts(url)) ? { url, port } : undefined;
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
  } catch {
    return false;
  }
  await client.end();
  return true;
}

const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

function stopOnSignals(running: { stop(): Promise<void> }): void {
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => {
      void running.stop().finally(() => process.exit(code));
    });
  }
}

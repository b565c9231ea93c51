import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { resolveJwtSecret } from './auth/jwt-secret';
import { ConfigError, loadConfig } from './config/app-config';
import { resolveDatabase, type ResolvedDatabase } from './database/resolve-database';
import { configureApp, serveDocs } from './http/configure-app';
import { httpAdapter } from './http/http-adapter';
import { NestPinoLogger } from './logging/nest-pino-logger';
import { serviceLogger } from './logging/service-logger';
import { serveConsole } from './http/serve-console';
import { join } from 'node:path';
import { settlesWithin } from './shared/settles-within';
import { describeError } from './shared/describe-error';
import { boundHeapGrowth } from './shared/heap-growth';

/** In-flight requests and projection batches get this long to finish before the database stops. */
const APP_CLOSE_MS = 4000;
/** Past this the process exits whatever is still running: SIGTERM must stop the service within 10 s. */
const HARD_DEADLINE_MS = 9000;

let app: NestFastifyApplication | undefined;
/** The database as soon as its start begins: a signal during start-up waits for it, then stops it. */
let database: Promise<ResolvedDatabase> | undefined;
let stopping = false;
const logLine = (line: string) => process.stderr.write(`${line}\n`);

/**
 * Stops what this process started, in order (the app, then the embedded database, which its own
 * stop bounds to about 4 s), and exits. Used on SIGTERM/SIGINT and when start-up fails half-way,
 * so a failed start leaves no PostgreSQL behind to block the next one.
 */
async function stopAndExit(code: number, log: (line: string) => void): Promise<void> {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    log(`not stopped within ${HARD_DEADLINE_MS / 1000} s: exiting anyway`);
    process.exit(code === 0 ? 1 : code);
  }, HARD_DEADLINE_MS).unref();
  if (app) {
    const closing = app.close().catch((error: unknown) => log(`closing the app: ${String(error)}`));
    if (!(await settlesWithin(closing, APP_CLOSE_MS))) log(`the app did not close within ${APP_CLOSE_MS / 1000} s: stopping the database under it`);
  }
  const started = await database?.catch(() => undefined);
  await started?.stop().catch((error: unknown) => log(`stopping the database: ${String(error)}`));
  process.exit(code);
}

async function bootstrap(): Promise<void> {
  boundHeapGrowth();
  const config = loadConfig();
  // On SIGINT/SIGTERM the shutdown closes the app, then stops the database (ownSignals). The
  // handlers come first: a signal while the embedded PostgreSQL starts would otherwise end node
  // and leave PostgreSQL running, holding DATA_DIR for the next start.
  // Kept for every signal, not once: Ctrl-C reaches node twice (from the terminal, and forwarded
  // by npm), and a second SIGINT with no handler would end node before PostgreSQL is stopped.
  // HARD_DEADLINE_MS still bounds the shutdown.
  const onSignal = (signal: NodeJS.Signals) => {
    logLine(stopping ? `${signal}: already shutting down` : `${signal}: shutting down`);
    void stopAndExit(0, logLine);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  database = resolveDatabase(config, { log: (line) => process.stdout.write(`${line}\n`), ownSignals: true });
  config.databaseUrl = (await database).url;
  // Shutting down already: the app is not started.
  if (stopping) return;
  const jwtSecret = await resolveJwtSecret(config.jwtSecret, config.dataDir);

  const logger = serviceLogger(config.logLevel);
  const nestLogger = new NestPinoLogger(logger);
  app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, jwtSecret }),
    httpAdapter(config, logger),
    { bufferLogs: true },
  );
  app.useLogger(nestLogger);
  await configureApp(app);
  serveDocs(app);
  // dist/src/main.js → dist/console, where `npm run build:console` (run by `npm ci`) puts the console.
  const console = await serveConsole(app, join(__dirname, '..', 'console'));
  await app.listen(config.port, config.host);
  nestLogger.log(`NOXH Ledger listening on http://${config.host}:${config.port} (${console ? 'console at /, ' : ''}docs at /docs, event store: ${config.eventStore})`);
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(
    error instanceof ConfigError
      ? `Lỗi cấu hình: ${error.vi}\nConfiguration error: ${error.message}\n`
      : `Khởi động thất bại (start-up failed): ${describeError(error)}\n`,
  );
  void stopAndExit(1, logLine);
});

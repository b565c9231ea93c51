import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { DestinationStream } from 'pino';
import { AppModule } from '../../src/app.module';
import { TokenService } from '../../src/auth/token.service';
import { type AppConfig, loadConfig } from '../../src/config/app-config';
import { EVENT_STORE, EventStore } from '../../src/event-store/event-store.port';
import { configureApp, serveDocs } from '../../src/http/configure-app';
import { httpAdapter } from '../../src/http/http-adapter';
import { NestPinoLogger } from '../../src/logging/nest-pino-logger';
import { serviceLogger } from '../../src/logging/service-logger';
import { Actor } from '../../src/shared/actor';
import { Clock } from '../../src/shared/clock';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_JWT_SECRET = 'test-secret-that-is-at-least-32-characters';

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  store: EventStore;
  /** A signed bearer header for this actor. */
  auth(actor: Partial<Actor> & Pick<Actor, 'role'>): { Authorization: string };
  close(): Promise<void>;
}

/**
 * The real application (Fastify, auth, validation, migrations) on a fresh database of its own.
 * `logTo` receives its log as main.ts writes it (request lines and Nest's own); without it the
 * request log goes to stdout at TEST_LOG_LEVEL (silent unless set) and Nest keeps its console.
 */
export async function createTestApp(clock?: Clock, settings: Partial<AppConfig> = {}, logTo?: DestinationStream): Promise<TestApp> {
  const db = await createTestDatabase();
  // Projections off: a test writes, then catches up explicitly (ProjectionsService.catchUpAll).
  const config = { ...loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', PROJECTIONS: 'off' }), ...settings, databaseUrl: db.url };
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ config, jwtSecret: TEST_JWT_SECRET, clock })],
  }).compile();
  // The server's own adapter, so bodies meet the same size limit as in production.
  const logger = serviceLogger(config.logLevel, logTo);
  const app = moduleRef.createNestApplication<NestFastifyApplication>(httpAdapter(config, logger));
  if (logTo) app.useLogger(new NestPinoLogger(logger));
  await configureApp(app);
  serveDocs(app, { ui: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const tokens = app.get(TokenService);
  return {
    app,
    db,
    store: app.get<EventStore>(EVENT_STORE),
    auth({ role, subject = `${role}-1`, province }) {
      const token = tokens.sign({ role, subject, province: province ?? (role === 'board' || role === 'police' ? '31' : undefined) }, '1h');
      return { Authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await db.drop();
    },
  };
}

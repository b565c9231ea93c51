import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { RequestLogController } from '../logging/request-log-controller';

/**
 * The Fastify server main.ts and the test app share. Bodies may be twice the largest event, room
 * for a request's own framing; anything larger is refused with 413 before it is parsed. Requests
 * are logged by Fastify itself on `logger`, one line each (request-log-controller.ts).
 */
export function httpAdapter(config: Pick<AppConfig, 'maxEventBytes'>, logger: Logger): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: config.maxEventBytes * 2, loggerInstance: logger, logController: new RequestLogController() });
}

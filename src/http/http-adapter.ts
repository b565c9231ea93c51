import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { AppConfig } from '../config/app-config';

/**
 * The Fastify server main.ts and the test app share. Bodies may be twice the largest event, room
 * for a request's own framing; anything larger is refused with 413 before it is parsed.
 */
export function httpAdapter(config: Pick<AppConfig, 'maxEventBytes'>): FastifyAdapter {
  return new FastifyAdapter({ bodyLimit: config.maxEventBytes * 2 });
}

import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * The one pino logger of a service process: Fastify writes its request lines with it and Nest's
 * own messages go through it (nest-pino-logger.ts), so every line is JSON with the same level.
 * Fastify's request serializer logs no headers at all; the redaction is a second guard in case a
 * line ever carries them, because tokens and cookies are credentials.
 */
export function serviceLogger(level: AppConfig['logLevel'], destination?: DestinationStream): Logger {
  const options = { level, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["proxy-authorization"]'] };
  return destination ? pino(options, destination) : pino(options);
}

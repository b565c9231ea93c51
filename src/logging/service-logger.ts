import { type DestinationStream, type Logger, pino } from 'pino';
import type { AppConfig } from '../config/app-config';

/**
 * Lines wait in memory up to this many bytes, so stdout gets one write per fifteen request lines or
 * so: a write each cost ~0.17 ms of a submission's ~2 ms of CPU, and one per eight still ~0.07 ms
 * (bench: npm run bench -- http, --cpu-prof). sonic-boom wants it below its largest write (16 KiB).
 * pino flushes what is left when the process exits.
 */
const BUFFER_BYTES = 8 * 1024;
/** A quiet service's lines still reach an operator's terminal within this. */
const FLUSH_MS = 250;

/**
 * The one pino logger of a service process: Fastify writes its request lines with it and Nest's
 * own messages go through it (nest-pino-logger.ts), so every line is JSON with the same level.
 * Fastify's request serializer logs no headers at all; the redaction is a second guard in case a
 * line ever carries them, because tokens and cookies are credentials.
 */
export function serviceLogger(level: AppConfig['logLevel'], destination: DestinationStream = bufferedStdout()): Logger {
  return pino({ level, redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["proxy-authorization"]'] }, destination);
}

function bufferedStdout(): DestinationStream {
  const stdout = pino.destination({ dest: 1, minLength: BUFFER_BYTES, sync: false });
  const flushing = setInterval(() => {
    stdout.flush();
  }, FLUSH_MS).unref();
  // flush() throws once the stream is closed.
  stdout.once('close', () => {
    clearInterval(flushing);
  });
  return stdout;
}

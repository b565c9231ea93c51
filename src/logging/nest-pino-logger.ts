import type { LoggerService } from '@nestjs/common';
import type { Level, Logger } from 'pino';

/**
 * Nest's LoggerService over the service's pino logger, so Nest's own messages (start-up, the
 * exception filters, projections) are JSON lines beside the request lines. Nest's Logger passes
 * its context as the last argument, and `error` passes a stack before it.
 */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    // error(message, stack?, context?); Logger.error(message, stack) without a context leaves
    // the stack last, and a stack spans lines where a context never does.
    const hasContext = typeof params.at(-1) === 'string' && !(params.length === 1 && isStack(params[0]));
    const [stack, ...extra] = hasContext ? params.slice(0, -1) : params;
    const fields = { context: hasContext ? contextOf(params) : undefined, stack: isStack(stack) ? stack : undefined };
    this.emit('error', message, fields, isStack(stack) || stack === undefined ? extra : [stack, ...extra]);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    this.emit(level, message, { context: contextOf(params) }, withoutContext(params));
  }

  private emit(level: Level, message: unknown, fields: { context?: string; stack?: string }, extra: unknown[]): void {
    if (!this.logger.isLevelEnabled(level)) return;
    const line: Record<string, unknown> = { ...fields };
    if (extra.length > 0) line.params = extra;
    if (message instanceof Error) this.logger[level]({ ...line, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ ...line, ...message });
    else this.logger[level](line, String(message));
  }
}

function contextOf(params: unknown[]): string | undefined {
  const last = params.at(-1);
  return typeof last === 'string' ? last : undefined;
}

function isStack(value: unknown): value is string {
  return typeof value === 'string' && value.includes('\n');
}

function withoutContext(params: unknown[]): unknown[] {
  return typeof params.at(-1) === 'string' ? params.slice(0, -1) : params;
}

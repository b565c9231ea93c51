import { HttpException } from '@nestjs/common';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { AppConfig } from '../config/app-config';
import { RequestLogController } from '../logging/request-log-controller';
import { answerClientError } from './client-error';
import { httpExceptionBody } from './error-body';
import { fastifyRefusal, isFastifyError } from './fastify-refusals';

/**
 * Longest path parameter the router matches. Fastify's default (100) answered a long id with
 * "Cannot GET …" before the route's own validation could say what is wrong with it; Node already
 * refuses a request head over 16 KB (431), so this only lets every id that can arrive reach its DTO.
 */
export const MAX_PARAM_LENGTH = 16 * 1024;

/**
 * Nest's adapter, except that Fastify's own refusals (a body that is empty, not JSON, too large)
 * reach the error filter as bilingual HttpExceptions with a line picked by Fastify's error code;
 * Nest's own mapping keeps only the English message.
 */
class LedgerFastifyAdapter extends FastifyAdapter {
  override mapException(error: unknown): unknown {
    return isFastifyError(error) ? fastifyRefusal(error) : super.mapException(error);
  }
}

/**
 * Errors the router raises before there is a route, so before Nest's error handling: a URL whose
 * %-escapes do not decode, a parameter past MAX_PARAM_LENGTH. Answered here in the API.md shape.
 */
function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const refusal = isFastifyError(error) ? fastifyRefusal(error) : error;
  if (!(refusal instanceof HttpException)) request.log.error({ err: error }, 'router error');
  const exception = refusal instanceof HttpException ? refusal : new HttpException('Internal server error', 500);
  void reply.code(exception.getStatus()).send(httpExceptionBody(exception));
}

/**
 * The Fastify server main.ts and the test app share. Bodies may be twice the largest event, room
 * for a request's own framing; anything larger is refused with 413 before it is parsed. Requests
 * are logged by Fastify itself on `logger`, one line each (request-log-controller.ts). Every
 * refusal Fastify or Node makes itself answers in the API.md error shape.
 */
export function httpAdapter(config: Pick<AppConfig, 'maxEventBytes'>, logger: Logger): FastifyAdapter {
  return new LedgerFastifyAdapter({
    bodyLimit: config.maxEventBytes * 2,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    loggerInstance: logger,
    logController: new RequestLogController(),
  });
}

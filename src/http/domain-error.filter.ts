import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { CodedError } from '../shared/coded-error';
import { errorBody } from './error-body';
import { errorMessageVi } from './error-messages-vi';
import { describeError } from '../shared/describe-error';

/**
 * The one place errors become HTTP (API.md "Errors"): the ledger's own errors (business rules,
 * event store) keep their status and `code`; Nest's and Fastify's exceptions (validation, auth,
 * malformed JSON, 413, 415; Nest maps Fastify's 4xx errors to HttpExceptions before they get here)
 * keep their status, in the same shape; anything else is a 500 that says nothing of its cause to
 * the caller and everything to the log.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof CodedError) {
      const vi = errorMessageVi(error.code, error.message, error.details);
      void reply.status(error.status).send(errorBody(error.status, [vi], { code: error.code, details: error.details, messageEn: [error.message] }));
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      const message = typeof body === 'object' && 'message' in body ? body.message : body;
      // Only the ledger's own 400s (bilingualBadRequest) carry English beside the Vietnamese.
      const messageEn = typeof body === 'object' && 'messageEn' in body && isLines(body.messageEn) ? body.messageEn : undefined;
      // The ledger's own HTTP-layer refusals (PROJECTION_LAGGING, RATE_LIMITED) name themselves like business errors do.
      const code = typeof body === 'object' && 'code' in body && typeof body.code === 'string' ? body.code : undefined;
      void reply.status(error.getStatus()).send(errorBody(error.getStatus(), message, { messageEn, ...(code !== undefined && { code }) }));
      return;
    }
    this.logger.error(describeError(error));
    void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send(errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error'));
  }
}

const isLines = (value: unknown): value is string[] => Array.isArray(value) && value.every((line) => typeof line === 'string');

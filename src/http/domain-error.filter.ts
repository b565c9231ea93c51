import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { CodedError } from '../shared/coded-error';
import { errorBody, httpExceptionBody } from './error-body';
import { errorMessageVi } from './error-messages-vi';
import { describeError } from '../shared/describe-error';
import { fastifyRefusal, isFastifyError } from './fastify-refusals';

/**
 * The one place errors become HTTP (API.md "Errors"): the ledger's own errors (business rules,
 * event store) keep their status and `code`; Nest's and Fastify's exceptions (validation, auth,
 * malformed JSON, 404, 413, 415; http-adapter.ts maps Fastify's 4xx errors to HttpExceptions
 * before they get here) keep their status, in the same shape, with Vietnamese lines; a Fastify
 * plugin's 4xx thrown inside a handler is mapped the same way here; anything else is a 500 that
 * says nothing of its cause to the caller and everything to the log.
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
    const refusal = isFastifyError(error) ? fastifyRefusal(error) : error;
    if (refusal instanceof HttpException) {
      void reply.status(refusal.getStatus()).send(httpExceptionBody(refusal));
      return;
    }
    this.logger.error(describeError(error));
    void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send(errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error'));
  }
}

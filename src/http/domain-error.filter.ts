import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { DomainError } from '../shared/domain-error';

const REASONS: Record<number, string> = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large' };

/**
 * The one place errors become HTTP (API.md "Errors"): domain errors keep their status and
 * `code`; Nest's own exceptions (validation, auth) pass through; anything else is a 500 that
 * says nothing of its cause to the caller and everything to the log.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof DomainError) {
      void reply.status(error.status).send({
        statusCode: error.status,
        error: REASONS[error.status],
        code: error.code,
        message: error.message,
        ...(Object.keys(error.details).length > 0 && { details: error.details }),
      });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      void reply.status(error.getStatus()).send(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
  }
}

import { type ArgumentsHost, Catch, type ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { errorBody } from '../../../http/error-body';
import { RegistryRequestRejected } from '../../http/population-registry.http-client';
import { ChecksInterrupted } from './population-check.runner';

/** Without the registry's own hint, when a retry is worth it: about one circuit-breaker cooldown. */
const DEFAULT_RETRY_AFTER_S = 30;

/**
 * The registry could not answer: 503 with Retry-After, and the tally of what the run recorded
 * before it stopped (kept: the sweep resumes with the files still due). The registry refusing our
 * request is its answer, not an outage: 502, and it needs an operator, not a retry.
 */
@Catch(ChecksInterrupted, RegistryRequestRejected)
export class RegistryFailureFilter implements ExceptionFilter {
  private readonly logger = new Logger('PopulationRegistry');

  catch(error: ChecksInterrupted | RegistryRequestRejected, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    this.logger.warn(error.message);
    if (error instanceof RegistryRequestRejected) {
      void reply.status(502).send(errorBody(502, error.message, { code: 'REGISTRY_REJECTED' }));
      return;
    }
    const retryAfterS = Math.max(1, Math.ceil((error.registryError.retryAfterMs ?? DEFAULT_RETRY_AFTER_S * 1000) / 1000));
    void reply
      .status(503)
      .header('Retry-After', String(retryAfterS))
      .send({
        ...errorBody(503, `${error.message}; nothing was recorded for the files still due, retry in ${retryAfterS} s`, { code: 'REGISTRY_UNAVAILABLE' }),
        ...error.tally,
      });
  }
}

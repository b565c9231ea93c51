import { type ArgumentsHost, Catch, type ExceptionFilter, ServiceUnavailableException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';

/**
 * A failed health check answers 503 with Terminus's own body (`status`, `info`, `error`,
 * `details`): what probes and operators read to see which dependency is down and, for a stuck
 * projection, which event stopped it. The API's error shape would drop all of it.
 */
@Catch(ServiceUnavailableException)
export class HealthAnswerFilter implements ExceptionFilter {
  catch(error: ServiceUnavailableException, host: ArgumentsHost): void {
    void host.switchToHttp().getResponse<FastifyReply>().status(503).send(error.getResponse());
  }
}

import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { Actor } from '../shared/actor';

/** Set on the request by the auth guard (src/auth/auth.guard.ts) once the token checks out. */
type ActorRequest = FastifyRequest & { actor?: Actor };

/**
 * One line per request, written when it completes, carrying the request, the status, the time
 * taken and who acted (as the pino-http line did). Fastify's default also writes an "incoming
 * request" line first; that doubles the logging cost (a measurable share of a request, README
 * "Performance") for nothing the completed line lacks.
 */
export class RequestLogController extends LogController {
  override incomingRequest(): void {
    // The completed line carries the request.
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime, actor: (request as ActorRequest).actor };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

import { bilingualBadRequest } from './bilingual-bad-request';
import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, type Observable, switchMap } from 'rxjs';
import { LOG_POSITION_HEADER, parsePosition } from './log-position-header';
import { ProjectionLagging } from './projection-lagging';
import { READ_MODEL_FRESHNESS, type ReadModelFreshness } from './read-model-freshness';

/**
 * For reads that rest on the read models: waits until the projections have applied every event
 * written before the request arrived (or up to the position the client names in
 * `X-Ledger-Position`), so a sweep or a findings query right after a write or a restart sees it.
 */
@Injectable()
export class FreshReadsInterceptor implements NestInterceptor {
  constructor(@Inject(READ_MODEL_FRESHNESS) private readonly projections: ReadModelFreshness) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const header = http.getRequest<FastifyRequest>().headers[LOG_POSITION_HEADER];
    const asked = typeof header === 'string' ? parsePosition(header) : undefined;
    if (asked === null || Array.isArray(header)) {
      throw bilingualBadRequest([
        { vi: `Header ${LOG_POSITION_HEADER} phải là vị trí nhật ký, ví dụ "812/4051"`, en: `${LOG_POSITION_HEADER} must be a log position such as "812/4051"` },
      ]);
    }
    const wait = this.projections.awaitCaughtUp(asked).catch((error: unknown) => {
      if (error instanceof ProjectionLagging) void http.getResponse<FastifyReply>().header('Retry-After', String(error.retryAfterSeconds));
      throw error;
    });
    return from(wait).pipe(switchMap(() => next.handle()));
  }
}

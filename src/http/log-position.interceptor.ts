import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { formatPosition, LOG_POSITION_HEADER } from './log-position-header';

/**
 * Every successful write answers with the head of the log after it (`X-Ledger-Position`): a
 * client that sends it back with a read is sure to see its write there.
 */
@Injectable()
export class LogPositionInterceptor implements NestInterceptor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (http.getRequest<FastifyRequest | undefined>()?.method !== 'POST') return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        void http.getResponse<FastifyReply>().header(LOG_POSITION_HEADER, formatPosition(await this.store.headPosition()));
        return body;
      }),
    );
  }
}

import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mergeMap, type Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { formatPosition, LOG_POSITION_HEADER } from './log-position-header';

/**
 * Every successful write answers with a log position at or past what it wrote (`X-Ledger-Position`):
 * a client that sends it back with a read is sure to see its write there. The store knows the
 * furthest position it has answered for without a round trip; asking the database for its head
 * cost a query per write (bench: npm run bench -- http). A write that wrote nothing, before
 * anything was written here, gets the head.
 */
@Injectable()
export class LogPositionInterceptor implements NestInterceptor {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    if (http.getRequest<FastifyRequest | undefined>()?.method !== 'POST') return next.handle();
    return next.handle().pipe(
      mergeMap(async (body: unknown) => {
        void http.getResponse<FastifyReply>().header(LOG_POSITION_HEADER, formatPosition(this.store.lastAppended() ?? (await this.store.headPosition())));
        return body;
      }),
    );
  }
}

import { BadRequestException, CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import { from, mergeMap, Observable, catchError } from 'rxjs';
import { PG_POOL } from '../../database/database.module';
import { IdempotencyKeyReused } from '../../event-store/event-store.errors';
import type { Actor } from '../../shared/actor';
import { canonicalJson, type JsonValue } from '../../shared/json';

export interface IdempotentRequest {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  /** The key handed to the event store: the caller's key, scoped to the caller. */
  idempotencyKey?: string;
}

interface Stored {
  request_hash: string;
  response: JsonValue;
}

const KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * `Idempotency-Key` on every POST (API.md): a repeat returns the first response and writes
 * nothing; the same key with another request is 409 IDEMPOTENCY_KEY_REUSED. Keys are per caller.
 * Two racing repeats both reach the handler; the event store's own key makes the loser's append
 * a replay, and a loser that failed on the winner's effects gets the winner's response.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<IdempotentRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) throw new BadRequestException(['Idempotency-Key must be 1 to 200 visible ASCII characters']);
    const subject = request.actor.subject;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson((request.body ?? null) as JsonValue)}`)
      .digest('hex');
    request.idempotencyKey = `${subject}:${key}`;

    const replay = (stored: Stored) => {
      if (stored.request_hash !== hash) throw new IdempotencyKeyReused(key);
      return stored.response;
    };
    return from(this.find(subject, key)).pipe(
      mergeMap((stored) =>
        stored
          ? [replay(stored)]
          : next.handle().pipe(
              mergeMap(async (response: unknown) => {
                await this.save(subject, key, hash, response);
                return response;
              }),
              catchError(async (error: unknown) => {
                const winner = await this.find(subject, key);
                if (winner) return replay(winner);
                throw error;
              }),
            ),
      ),
    );
  }

  private async find(subject: string, key: string): Promise<Stored | undefined> {
    const { rows } = await this.pool.query<Stored>(
      'SELECT request_hash, response FROM http_idempotency WHERE actor_subject = $1 AND key = $2',
      [subject, key],
    );
    return rows[0];
  }

  private async save(subject: string, key: string, hash: string, response: unknown): Promise<void> {
    await this.pool.query(
      `INSERT INTO http_idempotency (actor_subject, key, request_hash, response) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING`,
      [subject, key, hash, JSON.stringify(response ?? null)],
    );
  }
}

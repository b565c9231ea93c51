import { bilingualBadRequest } from '../bilingual-bad-request';
import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Pool } from 'pg';
import type { FastifyReply } from 'fastify';
import { catchError, from, mergeMap, Observable } from 'rxjs';
import { PG_POOL } from '../../database/database.module';
import { IdempotencyKeyReused } from '../../event-store/event-store.errors';
import { EVENT_STORE, type EventStore } from '../../event-store/event-store.port';
import { formatPosition, LOG_POSITION_HEADER } from '../log-position-header';
import type { Actor } from '../../shared/actor';
import { canonicalJson, type JsonValue } from '../../shared/json';
import { IdempotentRequestInProgress } from './idempotency.errors';

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
  response: JsonValue | null;
}

const KEY = /^[\x21-\x7e]{1,200}$/;
/** A claim this old belongs to a request that died half-way; its key may be used again. */
const ABANDONED_AFTER = '5 minutes';

/**
 * `Idempotency-Key` on every POST (API.md): a repeat returns the first response and writes
 * nothing; the same key with another request is 409 IDEMPOTENCY_KEY_REUSED. Keys are per caller.
 * The key is claimed before the work starts, so a repeat racing the first request is told to
 * retry (409 IDEMPOTENCY_REQUEST_IN_PROGRESS) instead of doing the work twice; a request that
 * fails gives its key back.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<IdempotentRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || !request.actor) return next.handle();
    const key = Array.isArray(header) ? header[0] : header;
    if (!KEY.test(key)) {
      throw bilingualBadRequest([
        { vi: 'Header Idempotency-Key phải gồm 1 đến 200 ký tự ASCII nhìn thấy được', en: 'Idempotency-Key must be 1 to 200 visible ASCII characters' },
      ]);
    }
    // An upload's bytes are not in request.body, so its hash would name every file alike; the
    // spreadsheet import is idempotent row by row already.
    if (String(request.headers['content-type'] ?? '').startsWith('multipart/')) {
      throw bilingualBadRequest([
        { vi: 'Tải tệp không dùng header Idempotency-Key: mỗi dòng đã nhập sẽ không được ghi lại lần nữa', en: 'uploads take no Idempotency-Key: a row already imported is never written twice' },
      ]);
    }
    const subject = request.actor.subject;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${canonicalJson((request.body ?? null) as JsonValue)}`)
      .digest('hex');
    request.idempotencyKey = `${subject}:${key}`;

    return from(this.claim(subject, key, hash)).pipe(
      mergeMap((earlier) => {
        if (earlier) {
          if (earlier.request_hash !== hash) throw new IdempotencyKeyReused(key);
          if (earlier.response === null) throw new IdempotentRequestInProgress(key);
          return from(this.replay(http.getResponse<FastifyReply>(), earlier.response));
        }
        return next.handle().pipe(
          mergeMap(async (response: unknown) => {
            await this.complete(subject, key, response);
            return response;
          }),
          catchError(async (error: unknown) => {
            await this.release(subject, key);
            throw error;
          }),
        );
      }),
    );
  }

  /**
   * The first response again, with a log position past its write (X-Ledger-Position, as every
   * successful POST has): the head, since the write may have been made by another instance or
   * before a restart, past anything this one has appended.
   */
  private async replay(reply: FastifyReply, response: JsonValue): Promise<JsonValue> {
    void reply.header(LOG_POSITION_HEADER, formatPosition(await this.store.headPosition()));
    return response;
  }

  /** Claims the key; returns the earlier request's row when the key was already taken. */
  private async claim(subject: string, key: string, hash: string): Promise<Stored | undefined> {
    await this.pool.query(
      `DELETE FROM http_idempotency WHERE actor_subject = $1 AND key = $2 AND response IS NULL
       AND recorded_at < now() - interval '${ABANDONED_AFTER}'`,
      [subject, key],
    );
    // The holder may give the key back between our insert and our read: then claim again.
    for (;;) {
      const { rowCount } = await this.pool.query(
        `INSERT INTO http_idempotency (actor_subject, key, request_hash) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
        [subject, key, hash],
      );
      if (rowCount === 1) return undefined;
      const { rows } = await this.pool.query<Stored>(
        'SELECT request_hash, response FROM http_idempotency WHERE actor_subject = $1 AND key = $2',
        [subject, key],
      );
      if (rows[0]) return rows[0];
    }
  }

  private async complete(subject: string, key: string, response: unknown): Promise<void> {
    await this.pool.query('UPDATE http_idempotency SET response = $3 WHERE actor_subject = $1 AND key = $2', [
      subject,
      key,
      JSON.stringify(response ?? null),
    ]);
  }

  private async release(subject: string, key: string): Promise<void> {
    await this.pool.query('DELETE FROM http_idempotency WHERE actor_subject = $1 AND key = $2 AND response IS NULL', [subject, key]);
  }
}

import { HttpException, HttpStatus } from '@nestjs/common';
import { errorMessageVi } from './error-messages-vi';

/**
 * The read models have not yet reached what was written before the request: answering now would
 * show a ledger without it (a sweep that misses files, findings that miss an event).
 * Shaped as DomainErrorFilter reads an HttpException's body: `message` in Vietnamese for the
 * board, `messageEn` the English lines (same order), `code` to match on; Retry-After is set by
 * FreshReadsInterceptor from `retryAfterSeconds`.
 */
export class ProjectionLagging extends HttpException {
  constructor(readonly retryAfterSeconds: number, waitedMs: number) {
    const waitedSeconds = Math.round(waitedMs / 1000);
    const en = `the read models are still applying earlier writes after ${waitedSeconds} s; retry in ${retryAfterSeconds} s`;
    super(
      {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'PROJECTION_LAGGING',
        message: [errorMessageVi('PROJECTION_LAGGING', en, { waitedSeconds, retryAfterSeconds })],
        messageEn: [en],
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

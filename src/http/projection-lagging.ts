import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The read models have not yet reached what was written before the request: answering now would
 * show a ledger without it (a sweep that misses files, findings that miss an event).
 * Shaped as DomainErrorFilter reads an HttpException's body: `message` in Vietnamese for the
 * board, `messageEn` the English lines (same order), `code` to match on; Retry-After is set by
 * FreshReadsInterceptor from `retryAfterSeconds`.
 */
export class ProjectionLagging extends HttpException {
  constructor(readonly retryAfterSeconds: number, waitedMs: number) {
    const waited = Math.round(waitedMs / 1000);
    super(
      {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'PROJECTION_LAGGING',
        message: [`Dữ liệu để đọc (read model) vẫn đang cập nhật những gì đã ghi trước đó sau ${waited} giây chờ; vui lòng thử lại sau ${retryAfterSeconds} giây`],
        messageEn: [`the read models are still applying earlier writes after ${waited} s; retry in ${retryAfterSeconds} s`],
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

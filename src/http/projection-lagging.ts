import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The read models have not yet reached what was written before the request: answering now would
 * show a ledger without it (a sweep that misses files, findings that miss an event).
 */
export class ProjectionLagging extends HttpException {
  constructor(readonly retryAfterSeconds: number, waitedMs: number) {
    super(
      {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        error: 'Service Unavailable',
        code: 'PROJECTION_LAGGING',
        message: [`the read models are still applying earlier writes after ${Math.round(waitedMs / 1000)} s; retry in ${retryAfterSeconds} s`],
      },
      HttpStatus.SERVICE_UNAVAILABLE,
    );
  }
}

import { expect } from '@jest/globals';
import { type ArgumentsHost, Logger, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { DomainErrorFilter } from './domain-error.filter';
import type { ErrorBody } from './error-body';

/** An error as @fastify/error makes them (Fastify's and its plugins'), without depending on that package here. */
const fastifyError = (code: string, message: string, statusCode: number): Error => Object.assign(new Error(message), { name: 'FastifyError', code, statusCode });

/** A stand-in for Fastify's reply, keeping what the filter sent. */
class SentReply {
  sentStatus = 0;
  sentBody?: ErrorBody;
  status(code: number): this {
    this.sentStatus = code;
    return this;
  }
  send(body: ErrorBody): this {
    this.sentBody = body;
    return this;
  }
}

/** The filter's answer to `error`: status and body. */
function answer(error: unknown): { status: number; body: ErrorBody } {
  const reply = new SentReply();
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new DomainErrorFilter().catch(error, host);
  if (reply.sentBody === undefined) throw new Error('the filter sent nothing');
  return { status: reply.sentStatus, body: reply.sentBody };
}

describe('DomainErrorFilter: every answer in the API.md shape, Vietnamese with the English kept', () => {
  // The 500 case logs its cause on purpose; the test output need not show it.
  beforeAll(() => {
    Logger.overrideLogger(false);
  });
  afterAll(() => {
    Logger.overrideLogger(['log', 'error', 'warn']);
  });

  it('answers an unexpected error with a 500 that names nothing of its cause', () => {
    expect(answer(new TypeError('cannot read properties of undefined (reading "pool")'))).toEqual({
      status: 500,
      body: { statusCode: 500, error: 'Internal Server Error', message: ['Lỗi hệ thống; vui lòng thử lại sau hoặc báo cho quản trị viên'], messageEn: ['Internal server error'] },
    });
  });

  it('gives Nest’s English-only exceptions a Vietnamese line by status', () => {
    expect(answer(new NotFoundException('Cannot GET /api/v1/nowhere')).body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: ['Không tìm thấy địa chỉ hoặc dữ liệu được yêu cầu'],
      messageEn: ['Cannot GET /api/v1/nowhere'],
    });
    expect(answer(new PayloadTooLargeException(['the spreadsheet is larger than the limit', 'second line'])).body).toMatchObject({
      statusCode: 413,
      message: ['Nội dung yêu cầu vượt quá dung lượng cho phép'],
      messageEn: ['the spreadsheet is larger than the limit; second line'],
    });
  });

  it('keeps a Fastify plugin’s 4xx thrown in a handler, and its code’s Vietnamese line', () => {
    expect(answer(fastifyError('FST_ERR_CTP_BODY_TOO_LARGE', 'Request body is too large', 413))).toEqual({
      status: 413,
      body: { statusCode: 413, error: 'Payload Too Large', message: ['Nội dung yêu cầu vượt quá dung lượng cho phép'], messageEn: ['Request body is too large'] },
    });
    expect(answer(fastifyError('FST_SOMETHING_NEW', 'something new', 422)).body).toMatchObject({ statusCode: 422, message: ['Nội dung yêu cầu không xử lý được'], messageEn: ['something new'] });
  });

  it('still hides a Fastify 5xx behind a plain 500', () => {
    expect(answer(fastifyError('FST_ERR_ASYNC_CONSTRAINT', 'Unexpected error from async constraint', 500)).body.messageEn).toEqual(['Internal server error']);
  });
});

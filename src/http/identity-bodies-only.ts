import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { hasBody } from './json-bodies-only';

/**
 * Bodies are taken as sent, never decompressed: Fastify ignores Content-Encoding, so a body labelled
 * gzip would be parsed as if it were not (a plain one written to the log under a false label, a
 * really compressed one refused as "not valid JSON"). Any coding but identity is a 415 (RFC 9110
 * §15.5.16), with Accept-Encoding naming the one coding taken; checked on arrival, before any body
 * is read, on every route (uploads too).
 */
export function acceptIdentityBodiesOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const codings = contentCodings(request.headers['content-encoding']);
    if (!hasBody(request.headers) || codings.every((coding) => coding === 'identity')) {
      done();
      return;
    }
    void reply.header('Accept-Encoding', 'identity');
    done(
      new UnsupportedMediaTypeException({
        message: [`Nội dung gửi lên không được nén hay mã hóa (Content-Encoding: ${codings.join(', ')}); hãy gửi nguyên bản`],
        messageEn: [`Content-Encoding ${codings.join(', ')} is not accepted; send the body uncompressed (identity)`],
      }),
    );
  });
}

/** The codings a Content-Encoding header lists, lower-cased; none when it is absent or empty. */
function contentCodings(header: string | string[] | undefined): string[] {
  const values = Array.isArray(header) ? header : header === undefined ? [] : [header];
  return values
    .flatMap((value) => value.split(','))
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding.length > 0);
}

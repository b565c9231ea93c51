import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { RawServerDefault } from 'fastify';
import { isUtf8 } from 'node:buffer';
import { bilingualBadRequest } from './bilingual-bad-request';

/**
 * JSON bodies must be UTF-8 (RFC 8259 §8.1). Fastify decodes a body with U+FFFD in place of bytes
 * that are not, so `D\xff\xfe` became "D��" in a name, written to the log for good. This parser
 * takes the body as bytes, refuses it with a 400 unless it is UTF-8 throughout, and hands the rest
 * to Fastify's own JSON parser, which keeps refusing `__proto__` and `constructor.prototype` keys.
 * Registered in place of Nest's JSON parser, with the server's body limit (413 past it).
 */
export function parseJsonBodiesAsUtf8(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit }, (request, body, done) => {
    if (!isUtf8(body)) {
      done(bilingualBadRequest([{ vi: 'Nội dung yêu cầu có byte không phải UTF-8; hãy gửi JSON mã hóa UTF-8', en: 'the request body is not valid UTF-8' }]), undefined);
      return;
    }
    void parseJson(request, body.toString('utf8'), done);
  });
}

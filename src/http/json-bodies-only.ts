import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/** Route config flag (`@RouteConfig`) of the one kind of route that takes a file upload instead of JSON. */
export const MULTIPART_ROUTE = 'multipartUpload';

/**
 * Every body the API takes is JSON (API.md), except on routes flagged MULTIPART_ROUTE, which take
 * multipart/form-data only (a spreadsheet upload), so JSON sent to them is a 415 too. Fastify would otherwise parse `text/plain` into a
 * string, which validation then answers with a 400 per field instead of a 415. Checked on
 * arrival, before any body is read; the error goes through Nest's filters like any other.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (!hasBody(request.headers)) {
      done();
      return;
    }
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    const expected = isMultipartRoute(request) ? 'multipart/form-data' : 'application/json';
    if (mediaType !== expected) {
      done(
        new UnsupportedMediaTypeException({
          message: [`Nội dung phải có kiểu (Content-Type) ${expected}${mediaType ? `, không phải ${mediaType}` : ''}`],
          messageEn: [`Content-Type must be ${expected}${mediaType ? `, not ${mediaType}` : ''}`],
        }),
      );
      return;
    }
    done();
  });
}

/** Whether the route matched takes a multipart upload (MULTIPART_ROUTE) rather than JSON. */
export function isMultipartRoute(request: FastifyRequest): boolean {
  const config: object = request.routeOptions.config;
  return MULTIPART_ROUTE in config && config[MULTIPART_ROUTE] === true;
}

/** Fastify's own rule for whether a request carries a body to parse. */
export function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

import { UnsupportedMediaTypeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/**
 * Every body the API takes is JSON (API.md). Fastify would otherwise parse `text/plain` into a
 * string, which validation then answers with a 400 per field instead of a 415. Checked on
 * arrival, before any body is read; the error goes through Nest's filters like any other.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request) => {
    if (!hasBody(request.headers)) return;
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (mediaType !== 'application/json') {
      throw new UnsupportedMediaTypeException(`Content-Type must be application/json${mediaType ? `, not ${mediaType}` : ''}`);
    }
  });
}

/** Fastify's own rule for whether a request carries a body to parse. */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  return headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');
}

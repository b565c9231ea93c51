import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the console must never answer for: the API, health and the OpenAPI pages keep their own 404s. */
const NOT_THE_CONSOLE = /^\/(api|health|docs)(\/|$|-|\?)/;
/**
 * The console's page runs only its own bundled script (no CDN, no inline script); styles may be set
 * by script (Chart.js sizes its canvas); downloads are blob: URLs; it is never framed.
 */
const PAGE_HEADERS = {
  'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};
/** A missing asset (a path ending in a file name) is a 404, not the console's page. */
const LOOKS_LIKE_A_FILE = /\/[^/]+\.[A-Za-z0-9]{1,8}$/;

/**
 * The web console (src/console, built by Vite into dist/console) at `/`: its files through
 * @fastify/static, and every other GET outside /api, /health and /docs answered with its
 * index.html, so each page of the console is a URL that can be shared and bookmarked (the
 * console's router takes it from there). Returns false, serving nothing, when the console is not built.
 */
export async function serveConsole(app: NestFastifyApplication, root: string): Promise<boolean> {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return false;
  const index = readFileSync(indexFile);
  // decorateReply: false, as Swagger's own registration of the plugin for /docs also decorates.
  await app.register(fastifyStatic, { root, prefix: '/', wildcard: false, index: false, decorateReply: false, cacheControl: false,
    setHeaders: (reply, path) => {
      reply.header('Cache-Control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    } });
  const page = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (NOT_THE_CONSOLE.test(path) || LOOKS_LIKE_A_FILE.test(path)) {
      reply.callNotFound();
      return reply;
    }
    return reply.headers(PAGE_HEADERS).type('text/html; charset=utf-8').send(index);
  };
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/', page);
  fastify.get('/*', page);
  return true;
}

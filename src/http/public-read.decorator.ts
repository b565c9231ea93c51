import { applyDecorators, Header } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { Public } from '../auth/auth.constants';

/** Per client address: a citizen's browser never comes near it; a scraper looping on it does. */
export const PUBLIC_RATE_LIMIT = { max: 60, timeWindow: 60_000 } as const;
/** Brief: a list changes only with an allocation or a draw, and a minute's delay hides nothing. */
export const PUBLIC_MAX_AGE_SECONDS = 30;

/**
 * A read anyone may make with no token (API.md "/api/v1/public/"): rate-limited per address by
 * @fastify/rate-limit (429 with Retry-After past the limit) and cacheable by browsers and proxies.
 */
export const PublicRead = () =>
  applyDecorators(
    Public(),
    RouteConfig({ rateLimit: PUBLIC_RATE_LIMIT }),
    Header('Cache-Control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`),
  );

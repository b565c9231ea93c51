import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { HttpException, HttpStatus } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { DomainErrorFilter } from './domain-error.filter';
import { errorMessageVi } from './error-messages-vi';
import { acceptIdentityBodiesOnly } from './identity-bodies-only';
import { acceptJsonBodiesOnly } from './json-bodies-only';
import { RequestValidationPipe } from './request-validation.pipe';
import { parseJsonBodiesAsUtf8 } from './utf8-json-bodies';
import { readUploadFormsWhole } from './whole-upload-form';

/** Everything main.ts and the test app share: prefix, media types and codings, body parsing, validation, error mapping, rate limits. */
export async function configureApp(app: NestFastifyApplication): Promise<void> {
  // Only routes that ask for it (`@PublicRead()`) are limited; awaited so its onRoute hook is in
  // place before Nest registers the routes.
  await app.register(rateLimit, {
    global: false,
    // An HttpException, so the one error filter answers 429 (with the plugin's Retry-After) rather than a 500.
    errorResponseBuilder: (_request, context) => {
      const retryAfterSeconds = Math.max(1, Math.ceil(context.ttl / 1000));
      const en = `too many requests from this address; retry in ${context.after}`;
      return new HttpException(
        { code: 'RATE_LIMITED', message: [errorMessageVi('RATE_LIMITED', en, { retryAfterSeconds })], messageEn: [en] },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    },
  });
  // Parses multipart/form-data; only MULTIPART_ROUTE routes get past json-bodies-only with it.
  // One file, at most 50 MB (a province's register is a few MB; bodyLimit does not cover files).
  await app.register(multipart, { limits: { files: 1, fields: 0, fileSize: 50 * 1024 * 1024 } });
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  const fastify = app.getHttpAdapter().getInstance();
  // In this order: a compressed body is refused whatever its media type, then the media type.
  acceptIdentityBodiesOnly(fastify);
  acceptJsonBodiesOnly(fastify);
  readUploadFormsWhole(fastify);
  parseJsonBodiesAsUtf8(app);
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new DomainErrorFilter());
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('NOXH Ledger')
      .setDescription('Sổ cái nhà ở xã hội: event-sourced allocation and audit ledger for social housing (nhà ở xã hội)')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/**
 * Swagger UI at /docs, JSON at /docs-json. Kept apart from configureApp because the UI's static
 * files come through @fastify/static, which jest's module runtime cannot load (it requires an
 * ES module); the test app serves the JSON alone (`ui: false`) and the UI is checked on the built server.
 */
export function serveDocs(app: NestFastifyApplication, { ui = true }: { ui?: boolean } = {}): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', ui });
}

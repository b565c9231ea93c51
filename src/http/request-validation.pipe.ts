import { type ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { isPlainText } from '../shared/plain-json';

/**
 * The DTOs' class-validator rules, behind two checks no DTO can forget:
 * - a body is a JSON object: Nest would validate `null` as `{}` (a police sweep of the whole
 *   province) and an array or a scalar as nothing;
 * - no text in a body, query or path holds a NUL or a lone surrogate: jsonb cannot store them, so
 *   they would fail at the append, after the handler had decided on them.
 */
export class RequestValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // API.md: a 400 lists one line per bad field, all of them.
      stopAtFirstError: false,
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    if (metadata.type === 'body' && metadata.data === undefined && !isObject(value)) {
      throw new BadRequestException(['the request body must be a JSON object']);
    }
    const bad = textProblems(value, metadata.data ?? '');
    if (bad.length > 0) throw new BadRequestException(bad);
    return super.transform(value, metadata);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line per string (or property name) holding a NUL or a lone surrogate, named by its path as class-validator names fields. */
function textProblems(value: unknown, path: string): string[] {
  const where = path === '' ? 'the request' : path;
  if (typeof value === 'string') return isPlainText(value) ? [] : [`${where} must not contain a NUL character or a lone surrogate`];
  if (Array.isArray(value)) return value.flatMap((item, i) => textProblems(item, path === '' ? String(i) : `${path}.${i}`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    isPlainText(key)
      ? textProblems(inner, path === '' ? key : `${path}.${key}`)
      : [`${where} must not have a property name with a NUL character or a lone surrogate`],
  );
}

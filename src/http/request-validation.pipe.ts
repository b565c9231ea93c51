import { type ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { isPlainText, NOT_PLAIN_TEXT } from '../shared/plain-json';
import { type BilingualLine, bilingualBadRequest } from './bilingual-bad-request';
import { shapeProblem } from './body-shape';
import { passesValidation } from './passes-validation';
import { validationProblems, vietnameseLine } from './validation-problems';

/**
 * The DTOs' class-validator rules, behind two checks no DTO can forget:
 * - a body is a JSON object: Nest would validate `null` as `{}` (a police sweep of the whole
 *   province) and an array or a scalar as nothing;
 * - no value is deeper, wider or longer than any DTO takes (body-shape.ts), refused before the
 *   recursive walks below and class-validator's work per property;
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
      // Boards read the 400: Vietnamese lines in `message`, Nest's English kept in `messageEn`.
      exceptionFactory: (errors) =>
        badRequest(validationProblems(errors).map((problem) => ({ vi: vietnameseLine(problem), en: problem.en }))),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'custom') return super.transform(value, metadata);
    if (metadata.type === 'body' && metadata.data === undefined && !isObject(value)) {
      throw bilingualBadRequest([{ vi: 'Nội dung yêu cầu phải là một đối tượng JSON', en: 'the request body must be a JSON object' }]);
    }
    const tooBig = shapeProblem(value);
    if (tooBig) throw bilingualBadRequest([tooBig]);
    const bad = textProblems(value, metadata.data ?? '');
    if (bad.length > 0) throw badRequest(bad);
    return super.transform(value, metadata);
  }

  /**
   * The same rules, first without class-validator's per-call work (passesValidation, the intake's
   * check): a valid body costs a fraction of it. Anything else goes to class-validator, which
   * writes the messages, so no body is let through that it would refuse.
   */
  protected override validate(object: object, validatorOptions?: ValidatorOptions): Promise<ValidationError[]> | ValidationError[] {
    return passesValidation(object) ? [] : super.validate(object, validatorOptions);
  }
}

/** The most lines a 400 lists: enough for every field of any DTO; past it, one line says how many more. */
export const MAX_PROBLEM_LINES = 50;

function badRequest(lines: readonly BilingualLine[]): ReturnType<typeof bilingualBadRequest> {
  if (lines.length <= MAX_PROBLEM_LINES) return bilingualBadRequest(lines);
  const more = lines.length - MAX_PROBLEM_LINES;
  return bilingualBadRequest([
    ...lines.slice(0, MAX_PROBLEM_LINES),
    { vi: `… và ${more} lỗi khác không được liệt kê`, en: `… and ${more} more problems not listed` },
  ]);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One line per string (or property name) holding a NUL or a lone surrogate, named by its path as class-validator names fields. */
function textProblems(value: unknown, path: string): BilingualLine[] {
  const where = path === '' ? 'the request' : path;
  const whereVi = path === '' ? 'Yêu cầu' : `Trường '${path}'`;
  if (typeof value === 'string') {
    if (isPlainText(value)) return [];
    return [{ vi: `${whereVi} ${NOT_PLAIN_TEXT.vi}`, en: `${where} ${NOT_PLAIN_TEXT.en}` }];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => textProblems(item, path === '' ? String(i) : `${path}.${i}`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    isPlainText(key)
      ? textProblems(inner, path === '' ? key : `${path}.${key}`)
      : [
          {
            vi: `${whereVi} có tên thuộc tính ${NOT_PLAIN_TEXT.vi}`,
            en: `${where} must not have a property name with a NUL character or a lone surrogate`,
          },
        ],
  );
}

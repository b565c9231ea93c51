import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, registerDecorator, type ValidationOptions,
} from 'class-validator';

/**
 * The field rules every board endpoint shares (issue: "bad input always gets a clear error").
 * Each adds its OpenAPI description too, so the docs say what the validator enforces.
 */

export const IsCitizenId = (doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ example: '031190001234', description: 'Căn cước công dân: exactly 12 digits', ...doc }),
    IsString(),
    Matches(/^\d{12}$/, { message: '$property must be exactly 12 digits' }),
  );

export const IsProvinceCode = (doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ example: '31', description: '2-digit province code (31 = Hải Phòng)', ...doc }),
    IsString(),
    Matches(/^(0[1-9]|[1-8]\d|9[0-6])$/, { message: '$property must be a 2-digit province code' }),
  );

/** Ids that become part of stream names: no dots (the unit stream joins project and unit with one). */
export const IsIdentifier = (max = 64, doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ example: 'hp-trang-cat-01', ...doc }),
    IsString(),
    Matches(new RegExp(`^[A-Za-z0-9][A-Za-z0-9_-]{0,${max - 1}}$`), {
      message: `$property must be 1 to ${max} letters, digits, "-" or "_"`,
    }),
  );

/** A list of 1 to `max` distinct application ids, each as `IsIdentifier` would accept it. */
export const IsApplicationIds = (max: number, doc: ApiPropertyOptions = {}) =>
  applyDecorators(
    ApiProperty({ type: [String], minItems: 1, maxItems: max, uniqueItems: true, ...doc }),
    IsArray(),
    ArrayMinSize(1),
    ArrayMaxSize(max),
    ArrayUnique({ message: '$property must not name an application twice' }),
    IsString({ each: true }),
    Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { each: true, message: 'each value in $property must be an application id (1 to 64 letters, digits, "-" or "_")' }),
  );

/**
 * Text a board types: a string of at most `max` characters that is not blank (invisible characters
 * alone count as blank) and holds no control characters. `kind` (TextKind below): `line` by
 * default (names, numbers of decisions, addresses: one line, as they land in CSV cells and lists),
 * `note` for free text that may run over several lines, `personName` for a person's name.
 */
export const IsText = (max: number, doc: ApiPropertyOptions = {}, kind: TextKind = 'line') =>
  applyDecorators(ApiProperty({ minLength: 1, maxLength: max, ...doc }), IsString(), MaxLength(max), IsCleanText(kind));

/** Free text (a reason, a note, a justification): several lines allowed, nothing else invisible. */
export const IsNote = (max: number, doc: ApiPropertyOptions = {}) => IsText(max, doc, 'note');

/** A person's name as on the citizen id card, or a signer's "name, title": one line, with at least one letter. */
export const IsPersonName = (max: number, doc: ApiPropertyOptions = {}) => IsText(max, doc, 'personName');

/** A whole number of m² or VND, positive and below a sanity bound. */
export const IsPositiveInt = (max: number, doc: ApiPropertyOptions = {}) =>
  applyDecorators(ApiProperty({ minimum: 1, maximum: max, ...doc }), IsInt(), Min(1), Max(max));

/**
 * A real calendar date (YYYY-MM-DD) or instant (ISO 8601 with zone), not later than now:
 * a legal date a board states for something that already happened.
 */
export function IsPastDate(doc: ApiPropertyOptions = {}, options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(ApiProperty({ example: '2026-03-15', description: 'ISO date or instant, not in the future', ...doc }), (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isPastDate',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must be a real ISO date (YYYY-MM-DD) or instant, not in the future', ...options },
      validator: { validate: (value: unknown) => isIsoDate(value) && Date.parse(value) <= Date.now() },
    }),
  );
}

/** A real calendar date (YYYY-MM-DD) or instant; may lie in the future (deadlines). */
export function IsIsoDate(doc: ApiPropertyOptions = {}): PropertyDecorator {
  return applyDecorators(ApiProperty({ example: '2027-12-31', ...doc }), (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must be a real ISO date (YYYY-MM-DD) or instant' },
      validator: { validate: isIsoDate },
    }),
  );
}

/**
 * What a text field may hold. `line`: one line, no control character at all (C0, DEL, C1) nor
 * U+2028/U+2029, which break a CSV cell, a log line or a printed list as a newline does. `note`:
 * free text, which may keep its line breaks (\n, \r) but no other control character. `personName`:
 * a `line` with at least one letter, so a name of digits, punctuation or invisible characters alone
 * is refused.
 */
export type TextKind = 'line' | 'note' | 'personName';

/** \p{Cc} is exactly C0, DEL and C1. */
const NOT_ONE_LINE = /[\p{Cc}\u2028\u2029]/u;
const NOT_NOTE = /(?![\n\r])[\p{Cc}\u2028\u2029]/u;
/** Zero-width and other format characters (U+200B–U+200F, U+2060, U+FEFF, U+00AD, …) and white space: a text of only these looks empty. */
const INVISIBLE = /[\p{Cf}\s]/gu;
const LETTER = /\p{L}/u;

/** Blank as a reader sees it: nothing left once white space and invisible characters are taken out. */
export const isBlankText = (value: string): boolean => value.replace(INVISIBLE, '').length === 0;

/**
 * The one rule for text typed by people: not blank, no control characters (newlines only in a
 * `note`), and a letter in a person's name. Three constraints, each with its own message, and each
 * passing on what another already refuses (a blank name is told it is blank, not also that it has
 * no letter), so a board reads one line per fault. `each` checks every item of a list.
 */
export function IsCleanText(kind: TextKind, options: Pick<ValidationOptions, 'each'> = {}): PropertyDecorator {
  const control = kind === 'note' ? NOT_NOTE : NOT_ONE_LINE;
  const rules: Array<{ name: string; message: string; holds: (text: string) => boolean }> = [
    { name: 'notBlank', message: '$property must not be blank', holds: (text) => !isBlankText(text) },
    {
      name: kind === 'note' ? 'noControlCharacters' : 'singleLine',
      message: kind === 'note' ? '$property must not contain control characters other than line breaks' : '$property must be one line without control characters',
      holds: (text) => isBlankText(text) || !control.test(text),
    },
  ];
  if (kind === 'personName') rules.push({ name: 'hasLetter', message: '$property must contain a letter', holds: (text) => isBlankText(text) || LETTER.test(text) });
  return (target: object, property: string | symbol) => {
    for (const rule of rules) {
      registerDecorator({
        name: rule.name,
        target: target.constructor,
        propertyName: String(property),
        options: { ...options, message: options.each ? `each value in ${rule.message}` : rule.message },
        // A non-string is IsString's to refuse: one line for it, not one per text rule.
        validator: { validate: (value: unknown) => typeof value !== 'string' || rule.holds(value) },
      });
    }
  };
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const day = DATE.exec(value);
  if (day) return isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]));
  if (!INSTANT.test(value)) return false;
  const parsed = Date.parse(value);
  return !Number.isNaN(parsed) && isIsoDate(value.slice(0, 10));
}

/**
 * A day that exists in the Gregorian calendar, from 1900 on (Date.parse would roll 2026-02-30
 * over into March). Arithmetic, not a Date round trip: every request checks several dates.
 */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= (month === 2 ? (leap ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import {
  ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsInt, IsString, Matches, Max, MaxLength, Min, MinLength, registerDecorator, type ValidationOptions,
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

export const IsText = (max: number, doc: ApiPropertyOptions = {}) =>
  applyDecorators(ApiProperty({ maxLength: max, ...doc }), IsString(), MinLength(1), MaxLength(max), NotBlank());

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

function NotBlank(): PropertyDecorator {
  return (target: object, property: string | symbol) =>
    registerDecorator({
      name: 'notBlank',
      target: target.constructor,
      propertyName: String(property),
      options: { message: '$property must not be blank' },
      validator: { validate: (value: unknown) => typeof value === 'string' && value.trim().length > 0 },
    });
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

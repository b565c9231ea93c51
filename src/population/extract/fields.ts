/** A problem with one cell, named the way the summary prints it: "line N: column: message". */
export interface RowError {
  line: number;
  column: string;
  message: string;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** An ISO calendar date that exists: "2023-02-29" is well-formed but not a day. */
export function isRealDate(value: string): boolean {
  if (value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  // PostgreSQL has no year 0 either: such a row would abort the whole import instead of being rejected.
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && !leap ? 28 : DAYS_IN_MONTH[month - 1]);
}

const CITIZEN_ID = /^\d{12}$/;
const PROVINCE = /^\d{2}$/;

/**
 * Collects a row's cell errors, so one pass reports every bad cell of a line rather than only the
 * first. Empty cells are the extract's "unknown" (API.md) and become null.
 */
export class RowCheck {
  readonly errors: RowError[] = [];

  constructor(readonly line: number) {}

  fail(column: string, message: string): null {
    this.errors.push({ line: this.line, column, message });
    return null;
  }

  required(column: string, value: string): string | null {
    return value === '' ? this.fail(column, 'is required') : value;
  }

  citizenId(column: string, value: string, required: boolean): string | null {
    if (value === '') return required ? this.fail(column, 'is required') : null;
    return CITIZEN_ID.test(value) ? value : this.fail(column, `"${value}" is not a 12-digit citizen id`);
  }

  date(column: string, value: string, required: boolean): string | null {
    if (value === '') return required ? this.fail(column, 'is required') : null;
    return isRealDate(value) ? value : this.fail(column, `"${value}" is not a real date (YYYY-MM-DD)`);
  }

  province(column: string, value: string, required: boolean): string | null {
    if (value === '') return required ? this.fail(column, 'is required') : null;
    return PROVINCE.test(value) && value !== '00' ? value : this.fail(column, `"${value}" is not a 2-digit province code`);
  }

  oneOf<T extends string>(column: string, value: string, allowed: readonly T[]): T | null {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    return this.fail(column, value === '' ? 'is required' : `"${value}" is not one of ${allowed.join('|')}`);
  }

  optional(value: string): string | null {
    return value === '' ? null : value;
  }
}

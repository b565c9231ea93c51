import { plainKey } from '../../shared/spreadsheet/plain-key';

/**
 * A problem with one cell, named the way the summary prints it: "dòng N: cột 'C': message".
 * `message` is for the operator, in Vietnamese; `messageEn` keeps the English for JSON readers.
 */
export interface RowError {
  line: number;
  column: string;
  message: string;
  messageEn: string;
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
const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

/** A date as clerks type it, DD/MM/YYYY (with slashes, dots or dashes), as ISO. */
const isoDate = (value: string): string => {
  const dmy = DMY.exec(value);
  return dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : value;
};

/**
 * Collects a row's cell errors, so one pass reports every bad cell of a line rather than only the
 * first. Empty cells are the extract's "unknown" (API.md) and become null. Cells are taken as clerks
 * type them too: ids with spaces or dots, dates DD/MM/YYYY, coded values in Vietnamese.
 */
export class RowCheck {
  readonly errors: RowError[] = [];

  constructor(readonly line: number) {}

  fail(column: string, message: string, messageEn: string): null {
    this.errors.push({ line: this.line, column, message, messageEn });
    return null;
  }

  required(column: string, value: string): string | null {
    return value === '' ? this.fail(column, 'chưa điền', 'is required') : value;
  }

  citizenId(column: string, cell: string, required: boolean): string | null {
    const value = cell.replace(/[\s.]/g, '');
    if (value === '') return required ? this.fail(column, 'chưa điền', 'is required') : null;
    return CITIZEN_ID.test(value) ? value : this.fail(column, `'${cell}' không phải số CCCD 12 chữ số`, `"${cell}" is not a 12-digit citizen id`);
  }

  date(column: string, cell: string, required: boolean): string | null {
    if (cell === '') return required ? this.fail(column, 'chưa điền', 'is required') : null;
    const value = isoDate(cell);
    return isRealDate(value) ? value : this.fail(column, `'${cell}' không phải ngày có thật (DD/MM/YYYY hoặc YYYY-MM-DD)`, `"${cell}" is not a real date (YYYY-MM-DD)`);
  }

  province(column: string, value: string, required: boolean): string | null {
    if (value === '') return required ? this.fail(column, 'chưa điền', 'is required') : null;
    return PROVINCE.test(value) && value !== '00' ? value : this.fail(column, `'${value}' không phải mã tỉnh 2 chữ số`, `"${value}" is not a 2-digit province code`);
  }

  /** One of the registry's codes, or a Vietnamese word for it (`names`: word → code), matched without diacritics or case. */
  oneOf<T extends string>(column: string, value: string, allowed: readonly T[], names: Readonly<Record<string, T>> = {}): T | null {
    if ((allowed as readonly string[]).includes(value)) return value as T;
    // Only off the registry's own codes: a million-row extract in codes never pays for this.
    const key = plainKey(value);
    const named = Object.entries(names).find(([word]) => plainKey(word) === key);
    if (named !== undefined) return named[1];
    if (value === '') return this.fail(column, 'chưa điền', 'is required');
    const choices = [...Object.keys(names), ...allowed].join(', ');
    return this.fail(column, `'${value}' không hợp lệ; chọn: ${choices}`, `"${value}" is not one of ${allowed.join('|')}`);
  }

  optional(value: string): string | null {
    return value === '' ? null : value;
  }
}

import type { Cell } from './cell';
import { isPlainText, NOT_PLAIN_TEXT } from '../plain-json';
import { plainKey } from './plain-key';

/** One problem with a cell, for the clerk in Vietnamese and for the API's clients in English. */
export interface Problem {
  vi: string;
  en: string;
}

export type Read<T> = { value: T | undefined; problem?: Problem };

const ok = <T>(value: T | undefined): Read<T> => ({ value });
const empty = <T>(): Read<T> => ({ value: undefined });
const bad = <T>(vi: string, en: string): Read<T> => ({ value: undefined, problem: { vi, en } });
const shown = (cell: Cell) => (cell instanceof Date ? cell.toISOString() : String(cell));

export function textOf(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).replace(/\s+/g, ' ').trim();
}

/**
 * Free text (names): spaces tidied; empty is left for the DTO's own "must not be blank". A NUL or a
 * lone surrogate cannot be stored (jsonb): it is this row's problem, not the whole batch's failure.
 */
export function readText(cell: Cell): Read<string> {
  const text = textOf(cell);
  return isPlainText(text) ? ok(text) : bad(NOT_PLAIN_TEXT.vi, NOT_PLAIN_TEXT.en);
}

/**
 * Ids typed with spaces or dots ("001 090 012 345", "001.090.012.345"); a numeric .xlsx cell has
 * lost its leading zeros, which a 12-digit id gets back. Length is the DTO's rule.
 */
export function readCitizenId(cell: Cell): Read<string> {
  if (typeof cell === 'number') return ok(String(cell).padStart(12, '0'));
  return ok(textOf(cell).replace(/[\s.-]/g, ''));
}

const DMY = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^\d{4}-\d{2}-\d{2}([T ].*)?$/;

/**
 * Dates as clerks type them, DD/MM/YYYY (also with dots or dashes) or ISO; .xlsx date cells arrive
 * as dates. Whether the day is real (31/02) or in the future is the DTO's rule.
 */
export function readDate(cell: Cell): Read<string> {
  if (cell instanceof Date) return ok(cell.toISOString().slice(0, 10));
  const text = textOf(cell);
  if (text === '') return empty();
  const dmy = DMY.exec(text);
  if (dmy) return ok(`${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`);
  if (ISO.test(text)) return ok(text.replace(' ', 'T'));
  return bad(`'${text}' không phải là ngày (DD/MM/YYYY)`, `'${text}' is not a date (DD/MM/YYYY or YYYY-MM-DD)`);
}

const GROUPED = /^\d{1,3}([.,\s]\d{3})+$/;

/** Whole VND as typed: `12.000.000`, `12,000,000`, `12 000 000`, `12000000`, with or without `đ`/`VND`. */
export function readAmount(cell: Cell): Read<number> {
  if (typeof cell === 'number') return ok(cell);
  const text = textOf(cell).replace(/\s*(đ|vnđ|vnd|đồng)$/i, '');
  if (text === '') return empty();
  if (/^\d+$/.test(text)) return ok(Number(text));
  if (GROUPED.test(text)) return ok(Number(text.replace(/[.,\s]/g, '')));
  return bad(`'${textOf(cell)}' không phải là số tiền (ví dụ 12.000.000)`, `'${textOf(cell)}' is not an amount in VND (e.g. 12.000.000)`);
}

/** Square metres; a decimal comma is read as one. Whether it is whole is the DTO's rule. */
export function readNumber(cell: Cell): Read<number> {
  if (typeof cell === 'number') return ok(cell);
  const text = textOf(cell).replace(/\s*m2$|\s*m²$/i, '');
  if (text === '') return empty();
  const value = Number(text.replace(',', '.'));
  return Number.isFinite(value) ? ok(value) : bad(`'${text}' không phải là số`, `'${text}' is not a number`);
}

/** A coded column: the plain key of each accepted spelling → the API's code. */
export function coded<T extends string>(names: Record<string, T>, listVi: string, listEn: string): (cell: Cell) => Read<T> {
  const table = new Map(Object.entries(names).map(([name, code]) => [plainKey(name), code]));
  return (cell) => {
    if (typeof cell === 'boolean') return ok<T>(table.get(cell ? 'co' : 'khong'));
    const text = textOf(cell);
    if (text === '') return empty();
    const code = table.get(plainKey(text));
    return code !== undefined ? ok(code) : bad(`'${shown(cell)}' không hợp lệ; chọn: ${listVi}`, `'${shown(cell)}' is not one of: ${listEn}`);
  };
}

export const readGender = coded<'male' | 'female'>(
  { nam: 'male', 'nữ': 'female', male: 'male', female: 'female', m: 'male', f: 'female' },
  'Nam, Nữ',
  'Nam, Nữ, male, female',
);

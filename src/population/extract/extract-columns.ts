import type { Cell } from '../../shared/spreadsheet/cell';
import { columnIndexes, type ColumnSpec, MissingColumns } from '../../shared/spreadsheet/header-columns';
import type { SheetRecord } from '../../shared/spreadsheet/read-records';
import { ExtractHeaderMismatch } from './extract-errors';
import type { ExtractSchema } from './extract-schemas';

/** Where the file holds each of the schema's columns, and how its header names them. */
export interface ExtractColumns {
  /** The file's cell index of each schema column, in schema order. */
  at: number[];
  /** The file's heading of each schema column: row errors name the column as the clerk headed it. */
  headings: Record<string, string>;
  /** How many columns the header has: a CSV row with another count is broken. */
  width: number;
  /** The file has exactly the schema's columns in its order: its text rows go to the checks as they are. */
  inOrder: boolean;
}

/**
 * The file's header against the schema: every column must be there, headed in Vietnamese or by its
 * English name (without diacritics, case or extra spaces), in any order; other columns are ignored.
 * A missing one refuses the file, naming it and what the header has.
 */
export function extractColumns(schema: ExtractSchema<unknown>, header: SheetRecord | undefined): ExtractColumns {
  const expected = schema.header.map((name) => schema.labels[name]).join(', ');
  if (!header) throw new ExtractHeaderMismatch(`tệp trống: cần dòng tiêu đề với các cột ${expected}`, `the file is empty: expected the header "${schema.header.join(',')}"`);
  const headings = header.fields.map((cell) => (cell === null ? '' : String(cell).trim()));
  const specs: Record<string, ColumnSpec> = Object.fromEntries(schema.header.map((name) => [name, { label: schema.labels[name], aliases: [name], required: true }]));
  let indexes: Record<string, number>;
  try {
    indexes = columnIndexes(headings, specs);
  } catch (error) {
    if (!(error instanceof MissingColumns)) throw error;
    throw new ExtractHeaderMismatch(
      error.messageVi.split('\n').map((line) => `dòng 1: ${line}`).join('\n'),
      error.message.split('\n').map((line) => `line 1: ${line}`).join('\n'),
    );
  }
  const at = schema.header.map((name) => indexes[name]);
  return {
    at,
    headings: Object.fromEntries(schema.header.map((name, i) => [name, headings[at[i]]])),
    width: headings.length,
    inOrder: headings.length === at.length && at.every((index, i) => index === i),
  };
}

/** A record's cells as the row checks take them: text, in schema order; .xlsx dates as ISO days, code numbers with their leading zeros. */
export function fieldsOf(schema: ExtractSchema<unknown>, columns: ExtractColumns, record: SheetRecord): string[] {
  const { fields } = record;
  if (columns.inOrder && fields.every((f) => typeof f === 'string')) return fields as string[];
  return columns.at.map((index, i) => cellText(fields[index], schema.codeDigits[schema.header[i]]));
}

function cellText(cell: Cell | undefined, digits: number | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && digits !== undefined && Number.isInteger(cell)) return String(cell).padStart(digits, '0');
  return String(cell);
}

import type { Worksheet } from 'exceljs';
import { ExcelJS } from '../../inspection/export/exceljs';
import { CsvParser } from '../../population/extract/csv-parser';
import type { Cell } from './clerk-cells';
import { APPLICATIONS_SHEET, MEMBERS_SHEET } from './intake-columns';
import { plainKey } from './vietnamese-text';

/** One data row with the number a clerk sees beside it (the header is row 1). */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface Sheet {
  name: string;
  header: string[];
  rows: SheetRow[];
}

export interface Spreadsheet {
  applications: Sheet;
  /** Sheet `Thành viên hộ`; a CSV has none. */
  members: Sheet | null;
}

/** A file that is neither .xlsx nor text the intake can decode. */
export class UnreadableSpreadsheet extends Error {
  constructor(readonly messageVi: string, messageEn: string) {
    super(messageEn);
    this.name = 'UnreadableSpreadsheet';
  }
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** Reads an .xlsx (by its zip signature, whatever the file is called) or a CSV. */
export async function readSpreadsheet(bytes: Buffer): Promise<Spreadsheet> {
  if (ZIP.every((b, i) => bytes[i] === b)) return readWorkbook(bytes);
  return { applications: readCsvSheet(bytes), members: null };
}

/**
 * The text of a CSV as Excel and clerks' tools save it: UTF-16 with its byte order mark ("Unicode
 * text"), UTF-8 with or without one. UTF-16 without a mark shows itself by NULs between ASCII letters.
 */
export function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return Buffer.from(bytes.subarray(2)).swap16().toString('utf16le');
  if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) return bytes.toString('utf16le');
  const text = bytes.toString('utf8');
  if (text.includes('\ufffd')) throw new UnreadableSpreadsheet('tệp không phải .xlsx hay CSV mã hoá UTF-8/UTF-16', 'the file is neither .xlsx nor a UTF-8/UTF-16 CSV');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The header line's most frequent of `,` `;` and tab: Vietnamese Excel writes `;` (its decimal mark is the comma). */
export function sniffDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const header = end === -1 ? text : text.slice(0, end);
  const counts = [',', ';', '\t'].map((d) => [d, header.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

function readCsvSheet(bytes: Buffer): Sheet {
  const text = decodeText(bytes);
  const parser = new CsvParser(sniffDelimiter(text));
  const records = [...parser.push(text), ...parser.end()];
  const header = records.shift();
  return {
    name: APPLICATIONS_SHEET,
    header: header ? header.fields : [],
    rows: records.map((r) => ({ row: r.line, cells: r.fields })),
  };
}

async function readWorkbook(bytes: Buffer): Promise<Spreadsheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableSpreadsheet('tệp .xlsx bị hỏng hoặc không đọc được', `the .xlsx file cannot be read: ${(error as Error).message}`);
  }
  const named = (name: string) => workbook.worksheets.find((w) => plainKey(w.name) === plainKey(name));
  const applications = named(APPLICATIONS_SHEET) ?? workbook.worksheets.at(0);
  if (!applications) throw new UnreadableSpreadsheet('tệp .xlsx không có sheet nào', 'the .xlsx file has no sheet');
  const members = named(MEMBERS_SHEET);
  return { applications: sheetOf(applications, APPLICATIONS_SHEET), members: members ? sheetOf(members, MEMBERS_SHEET) : null };
}

function sheetOf(worksheet: Worksheet, name: string): Sheet {
  const width = worksheet.columnCount;
  const cellsOf = (index: number): Cell[] => {
    const row = worksheet.getRow(index);
    return Array.from({ length: width }, (_, c) => cellValue(row.getCell(c + 1).value));
  };
  const rows: SheetRow[] = [];
  for (let r = 2; r <= worksheet.rowCount; r += 1) {
    const cells = cellsOf(r);
    if (cells.some((c) => c !== null && String(c).trim() !== '')) rows.push({ row: r, cells });
  }
  return { name, header: cellsOf(1).map((c) => (c === null ? '' : String(c))), rows };
}

/** exceljs's cell values as plain cells: a formula gives its result, rich text its text, a hyperlink its text. */
function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return v.error;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell kind exceljs may add later still shows as text, as String() spells it
  return String(value);
}

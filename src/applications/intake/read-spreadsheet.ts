import type { Worksheet } from 'exceljs';
import { loadExcelJS } from '../../shared/spreadsheet/exceljs';
import { CsvParser } from '../../shared/spreadsheet/csv-parser';
import { type Cell, cellValue, isBlankRow } from '../../shared/spreadsheet/cell';
import { decodeText, isZip, sniffDelimiter, UnreadableSpreadsheet, unreadableWorkbook } from '../../shared/spreadsheet/decode-text';
import { APPLICATIONS_SHEET, MEMBERS_SHEET } from './intake-columns';
import { plainKey } from '../../shared/spreadsheet/plain-key';

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

/** Reads an .xlsx (by its zip signature, whatever the file is called) or a CSV. */
export async function readSpreadsheet(bytes: Buffer): Promise<Spreadsheet> {
  if (isZip(bytes)) return readWorkbook(bytes);
  return { applications: readCsvSheet(bytes), members: null };
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
  try {
    return await workbookSheets(bytes);
  } catch (error) {
    // Whatever exceljs throws, loading or reading a sheet of an odd workbook, is its own wording.
    throw error instanceof UnreadableSpreadsheet ? error : unreadableWorkbook(error);
  }
}

async function workbookSheets(bytes: Buffer): Promise<Spreadsheet> {
  const workbook = new (await loadExcelJS()).Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
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
    if (!isBlankRow(cells)) rows.push({ row: r, cells });
  }
  return { name, header: cellsOf(1).map((c) => (c === null ? '' : String(c))), rows };
}

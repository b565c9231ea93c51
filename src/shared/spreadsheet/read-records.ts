import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { type Cell, cellValue, isBlankRow } from './cell';
import { isZip, unreadableWorkbook } from './decode-text';
import { loadExcelJS } from './exceljs';
import { readCsv } from './read-csv';

/** One row of a sheet or CSV with the line a clerk sees beside it (the header is line 1). CSV rows hold text. */
export interface SheetRecord {
  line: number;
  fields: readonly Cell[];
  /** Set when a CSV record is not well-formed RFC 4180; its fields are then best-effort. */
  malformed?: string;
}

export interface RecordBatch {
  records: SheetRecord[];
  bytesRead: number;
}

/** Rows handed over at once from an .xlsx, which has no chunks of its own to follow. */
const XLSX_BATCH = 5000;

/**
 * The rows of a file, streamed so memory stays flat however large it is: an .xlsx (known by its zip
 * signature, whatever the file is called; its first sheet) or a CSV in any encoding and delimiter
 * `readCsv` reads.
 */
export async function* readRecords(file: string): AsyncGenerator<RecordBatch> {
  const handle = await open(file);
  const head = Buffer.alloc(4);
  try {
    await handle.read(head, 0, 4, 0);
  } finally {
    await handle.close();
  }
  yield* isZip(head) ? readXlsx(file) : readCsv(file);
}

async function* readXlsx(file: string): AsyncGenerator<RecordBatch> {
  const stream = createReadStream(file);
  const workbook = new (await loadExcelJS()).stream.xlsx.WorkbookReader(stream, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let width = 0;
  let batch: SheetRecord[] = [];
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        // row.values is 1-based and sparse: empty cells are holes.
        const values = row.values as unknown[];
        const fields: Cell[] = Array.from({ length: Math.max(values.length - 1, width) }, (_, i) => cellValue(values[i + 1]));
        if (isBlankRow(fields)) continue;
        if (width === 0) width = fields.length;
        batch.push({ line: row.number, fields: trimmed(fields, width) });
        if (batch.length >= XLSX_BATCH) {
          yield { records: batch, bytesRead: stream.bytesRead };
          batch = [];
        }
      }
      // An extract is one sheet: the first.
      break;
    }
  } catch (error) {
    throw unreadableWorkbook(error);
  } finally {
    stream.destroy();
  }
  yield { records: batch, bytesRead: stream.bytesRead };
}

/** Empty cells past the header's width are Excel's formatting, not data: a row is as wide as its header unless it holds more. */
function trimmed(fields: Cell[], width: number): Cell[] {
  let end = fields.length;
  while (end > width && (fields[end - 1] === null || String(fields[end - 1]).trim() === '')) end -= 1;
  return end === fields.length ? fields : fields.slice(0, end);
}

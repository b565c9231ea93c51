import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ClientBase } from 'pg';
import { type RecordBatch, readRecords, type SheetRecord } from '../../shared/spreadsheet/read-records';
import { type ExtractColumns, extractColumns, fieldsOf } from './extract-columns';
import { ExtractWithoutRows } from './extract-errors';
import type { ExtractKind, ExtractSchema } from './extract-schemas';
import type { RowError } from './fields';
import { makeCurrent } from './registry-snapshots';

export interface ImportReport {
  kind: ExtractKind;
  snapshotId: string;
  /** The same file (by SHA-256) was imported before: no rows were written, this is that snapshot. */
  alreadyImported: boolean;
  /**
   * Whether lookups now read this snapshot. One with rejected rows is kept but not made current
   * unless `acceptRejected`: a partial registry would make every person it lost "unknown".
   */
  current: boolean;
  rows: number;
  rejected: number;
  /** The first `maxErrors` row errors, in file order. */
  errors: RowError[];
  seconds: number;
}

export interface ImportOptions {
  onProgress?: (progress: { bytesRead: number; totalBytes: number; rows: number }) => void;
  /** Rows per INSERT: large enough to amortise a round trip, small enough to keep memory flat. */
  chunkRows?: number;
  maxErrors?: number;
  /** The operator read the rejected rows and wants the rest used anyway (`--accept-rejected`). */
  acceptRejected?: boolean;
}

/**
 * Imports one extract file as a new snapshot, current if no row was rejected (or the operator
 * accepts the rejections). Every accepted row and the snapshot row are written in ONE
 * transaction, so an import is all or nothing; a bad row is reported and skipped. A file imported
 * before is not read again: its snapshot becomes current under the same rule. The header is
 * checked before the transaction begins. `client` must not be in a transaction.
 */
export async function importExtract<T>(client: ClientBase, schema: ExtractSchema<T>, file: string, options: ImportOptions = {}): Promise<ImportReport> {
  const started = performance.now();
  const { chunkRows = 5000, maxErrors = 100, onProgress, acceptRejected = false } = options;
  const seconds = () => (performance.now() - started) / 1000;
  const usable = (rejected: number) => rejected === 0 || acceptRejected;
  const reuse = async (existing: FoundSnapshot): Promise<ImportReport> => {
    const current = usable(existing.rejected);
    if (current) await makeCurrent(client, schema.kind, existing.snapshotId);
    return { ...existing, kind: schema.kind, alreadyImported: true, current, errors: [], seconds: seconds() };
  };
  const { size: totalBytes } = await stat(file);
  const sha256 = await hashFile(file);
  const existing = await findSnapshot(client, schema.kind, sha256);
  if (existing) return reuse(existing);

  const batches = readRecords(file);
  let columns: ExtractColumns;
  let first: RecordBatch;
  try {
    first = await firstRecords(batches);
    columns = extractColumns(schema, first.records.shift());
  } catch (error) {
    await batches.return(undefined);
    throw error;
  }

  const check = schema.checker();
  const errors: RowError[] = [];
  let rows = 0;
  let rejected = 0;
  let buffer: T[] = [];
  // One INSERT in flight while the next chunk is parsed: parsing and the database work in parallel.
  let pending: Promise<unknown> = Promise.resolve();
  await client.query('BEGIN');
  try {
    // Two imports of one kind at once would race the duplicate-file check below.
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('registry-import:' || $1, 0))`, [schema.kind]);
    const raced = await findSnapshot(client, schema.kind, sha256);
    if (raced) {
      await client.query('ROLLBACK');
      await batches.return(undefined);
      return await reuse(raced);
    }
    const { rows: created } = await client.query<{ id: string }>(`INSERT INTO registry_snapshots (kind, file_sha256) VALUES ($1, $2) RETURNING id`, [
      schema.kind,
      sha256,
    ]);
    const snapshotId = created[0].id;
    const flush = async () => {
      if (buffer.length === 0) return;
      const params = [snapshotId, ...schema.columns(buffer)];
      buffer = [];
      await pending;
      pending = client.query(schema.insertSql, params);
      // Awaited at the next flush or the end; until then a failure must not be "unhandled".
      pending.catch(() => undefined);
    };
    const take = (record: SheetRecord) => {
      const fields = fieldsOf(schema, columns, record);
      const problem = recordProblem(record, fields, columns, schema.header);
      const result = problem ? { ok: false as const, errors: [problem] } : check(fields, record.line);
      if (result.ok) {
        buffer.push(result.value);
        rows += 1;
        return;
      }
      rejected += 1;
      for (const error of result.errors) if (errors.length < maxErrors) errors.push({ ...error, column: columns.headings[error.column] ?? error.column });
    };
    for (let batch: RecordBatch | undefined = first; batch; batch = await next(batches)) {
      for (const record of batch.records) {
        take(record);
        if (buffer.length >= chunkRows) await flush();
      }
      onProgress?.({ bytesRead: batch.bytesRead, totalBytes, rows: rows + rejected });
    }
    await flush();
    await pending;
    if (rows === 0) throw new ExtractWithoutRows(rejected, errors);
    await client.query(`UPDATE registry_snapshots SET rows = $2, rejected = $3 WHERE id = $1`, [snapshotId, rows, rejected]);
    const current = usable(rejected);
    if (current) await makeCurrent(client, schema.kind, snapshotId);
    await client.query('COMMIT');
    return { kind: schema.kind, snapshotId, alreadyImported: false, current, rows, rejected, errors, seconds: seconds() };
  } catch (error) {
    await pending.catch(() => undefined);
    await client.query('ROLLBACK');
    await batches.return(undefined);
    throw error;
  }
}

/** C0 controls but tab, CR and LF: never in a registry's text, and two of them frame the INSERT's columns. */
// eslint-disable-next-line no-control-regex -- finding control characters is what it is for
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

/** The parser's words for a broken record, for the operator. */
const MALFORMED_VI: Record<string, string> = {
  'a quote inside an unquoted field': 'dấu ngoặc kép nằm giữa một ô không đặt trong ngoặc kép',
  'characters after a closing quote': 'có ký tự sau dấu ngoặc kép đóng',
  'a quoted field is never closed': 'một ô mở ngoặc kép mà không đóng',
};

/** A record the row checks cannot even look at: broken quoting, the wrong number of cells, control characters. */
function recordProblem(record: SheetRecord, fields: readonly string[], columns: ExtractColumns, header: readonly string[]): RowError | undefined {
  const { line, malformed } = record;
  const width = record.fields.length;
  if (malformed) return { line, column: 'row', message: `dòng CSV hỏng: ${MALFORMED_VI[malformed] ?? malformed}`, messageEn: `malformed CSV: ${malformed}` };
  if (width !== columns.width) return { line, column: 'row', message: `có ${width} cột, dòng tiêu đề có ${columns.width}`, messageEn: `has ${width} columns, the header has ${columns.width}` };
  for (let i = 0; i < fields.length; i += 1) {
    if (CONTROL.test(fields[i])) return { line, column: header[i], message: 'chứa ký tự điều khiển', messageEn: 'contains a control character' };
  }
  return undefined;
}

async function next(batches: AsyncGenerator<RecordBatch>): Promise<RecordBatch | undefined> {
  const result = await batches.next();
  return result.done ? undefined : result.value;
}

/** Reads until the first record (the header) is in hand: a tiny first chunk may hold none. */
async function firstRecords(batches: AsyncGenerator<RecordBatch>): Promise<RecordBatch> {
  const records: SheetRecord[] = [];
  let bytesRead = 0;
  while (records.length === 0) {
    const batch = await next(batches);
    if (!batch) break;
    records.push(...batch.records);
    bytesRead = batch.bytesRead;
  }
  return { records, bytesRead };
}

interface FoundSnapshot {
  snapshotId: string;
  rows: number;
  rejected: number;
}

async function findSnapshot(client: ClientBase, kind: ExtractKind, sha256: string): Promise<FoundSnapshot | undefined> {
  const { rows } = await client.query<{ id: string; rows: number; rejected: number }>(
    `SELECT id, rows, rejected FROM registry_snapshots WHERE kind = $1 AND file_sha256 = $2`,
    [kind, sha256],
  );
  return rows[0] ? { snapshotId: rows[0].id, rows: rows[0].rows, rejected: rows[0].rejected } : undefined;
}

/** Identity of the file's bytes: the same extract delivered twice is recognised and not imported again. */
async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

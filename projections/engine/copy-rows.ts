import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { EntityManager } from 'typeorm';

/** How a column's value is written in COPY's text format. */
export type ColumnKind = 'scalar' | 'text[]' | 'json';

/** Every column's kind, read from the catalog so the table's migrations stay the one source of types. */
export async function columnKinds(tx: EntityManager, table: string, columns: readonly string[]): Promise<ColumnKind[]> {
  const rows = await tx.query<{ name: string; type: string }[]>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
     WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [table],
  );
  const types = new Map(rows.map((r) => [r.name, r.type]));
  return columns.map((c) => {
    const type = types.get(c);
    if (type === undefined) throw new Error(`${table}.${c} is not a column`);
    if (type === 'jsonb' || type === 'json') return 'json';
    if (type.endsWith('[]')) return 'text[]';
    return 'scalar';
  });
}

// COPY's text format: backslash, newline, carriage return and tab are escaped; \N is NULL.
const SPECIAL = /[\\\n\r\t]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };
const escapeCopy = (text: string): string => text.replace(SPECIAL, (c) => ESCAPES[c]);
const arrayElement = (value: string | number | null): string => (value === null ? 'NULL' : `"${String(value).replace(/[\\"]/g, (c) => `\\${c}`)}"`);

function encodeValue(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return '\\N';
  switch (kind) {
    case 'json':
      return escapeCopy(JSON.stringify(value));
    case 'text[]':
      return escapeCopy(`{${(value as (string | number | null)[]).map(arrayElement).join(',')}}`);
    case 'scalar': {
      if (typeof value === 'boolean') return value ? 't' : 'f';
      // Scalar columns hold strings, numbers and bigints (decimals read as text).
      const scalar = value as string | number | bigint;
      return escapeCopy(String(scalar));
    }
  }
}

/** Rows as COPY text: one line per row, the columns in `columns`' order. */
export function encodeCopyRows<R extends object>(rows: readonly R[], columns: readonly (keyof R & string)[], kinds: readonly ColumnKind[]): string {
  const lines: string[] = [];
  for (const row of rows) lines.push(columns.map((c, i) => encodeValue(row[c], kinds[i])).join('\t'));
  return `${lines.join('\n')}\n`;
}

/** Streams COPY text into a table through the transaction's own connection. */
export async function copyInto(tx: EntityManager, table: string, columns: readonly string[], text: string): Promise<void> {
  if (!tx.queryRunner) throw new Error('COPY needs the transaction\'s query runner');
  // TypeORM's PostgreSQL query runner hands back the pg client the transaction runs on.
  const client = (await tx.queryRunner.connect()) as PoolClient;
  await pipeline(Readable.from([text]), client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`)));
}

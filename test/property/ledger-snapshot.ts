import { isDeepStrictEqual } from 'node:util';
import type { DataSource } from 'typeorm';

export type Row = Record<string, unknown>;
/** Every table of a projection, each row with every column, in primary-key order. */
export type Snapshot = Map<string, Row[]>;

/**
 * Dates (timestamptz) become ISO text and JS bigints text, the form pg already gives bigint
 * columns: two snapshots compare by value whatever the driver handed back.
 */
function normalised(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(normalised);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalised(v)]));
  return value;
}

/** Primary-key columns in key order; text ones sort COLLATE "C" so the order never depends on the database's locale. */
async function keyOf(ds: DataSource, table: string): Promise<{ name: string; text: boolean }[]> {
  return await ds.query<{ name: string; text: boolean }[]>(
    `SELECT a.attname AS name, a.atttypid = 'text'::regtype AS text
     FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey::int2[])
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)`,
    [table],
  );
}

export async function snapshot(ds: DataSource, tables: readonly string[]): Promise<Snapshot> {
  const out: Snapshot = new Map();
  for (const table of tables) {
    const key = await keyOf(ds, table);
    if (key.length === 0) throw new Error(`${table} has no primary key: its rows have no stable order to compare`);
    const order = key.map((k) => (k.text ? `"${k.name}" COLLATE "C"` : `"${k.name}"`)).join(', ');
    out.set(table, ((await ds.query<Row[]>(`SELECT * FROM ${table} ORDER BY ${order}`))).map((r) => normalised(r) as Row));
  }
  return out;
}

/**
 * A readable account of how `actual` differs from `expected`, table by table: rows only one side
 * has (by primary key) and, for rows both have, each column that differs. Empty when equal.
 */
const MAX_LINE = 600;
const MAX_LINES_PER_TABLE = 25;
const clipped = (line: string) => (line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line);

export async function describeDifferences(ds: DataSource, expected: Snapshot, actual: Snapshot): Promise<string> {
  const lines: string[] = [];
  for (const [table, want] of expected) {
    const got = actual.get(table) ?? [];
    if (isDeepStrictEqual(want, got)) continue;
    const key = (await keyOf(ds, table)).map((k) => k.name);
    const id = (r: Row) => key.map((k) => String(r[k])).join(' | ');
    const wantById = new Map(want.map((r) => [id(r), r]));
    const gotById = new Map(got.map((r) => [id(r), r]));
    const found: string[] = [];
    for (const [k, r] of wantById) if (!gotById.has(k)) found.push(clipped(`  missing row [${k}]: ${JSON.stringify(r)}`));
    for (const [k, r] of gotById) if (!wantById.has(k)) found.push(clipped(`  extra row [${k}]: ${JSON.stringify(r)}`));
    for (const [k, w] of wantById) {
      const g = gotById.get(k);
      if (!g) continue;
      for (const column of new Set([...Object.keys(w), ...Object.keys(g)])) {
        if (!isDeepStrictEqual(w[column], g[column])) {
          found.push(`  row [${k}] column ${column}:\n    ${clipped(`expected ${JSON.stringify(w[column])}`)}\n    ${clipped(`actual   ${JSON.stringify(g[column])}`)}`);
        }
      }
    }
    if (found.length === 0) found.push('  the same rows in another order');
    lines.push(`table ${table} (${want.length} rows expected, ${got.length} actual):`);
    lines.push(...found.slice(0, MAX_LINES_PER_TABLE));
    if (found.length > MAX_LINES_PER_TABLE) lines.push(`  … and ${found.length - MAX_LINES_PER_TABLE} more differences`);
  }
  return lines.join('\n');
}

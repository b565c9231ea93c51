import type { EntityManager } from 'typeorm';

/** How one read-model table is named, keyed and read back from PostgreSQL. */
export interface TableSpec<R extends object> {
  readonly name: string;
  /** Primary key columns, in the table's order. */
  readonly pk: readonly (keyof R & string)[];
  /** Every column, as the row type names them. */
  readonly columns: readonly (keyof R & string)[];
  /** bigint columns come back from pg as text and timestamptz as Date: back to what the ledger keeps. */
  readonly fromDatabase?: (row: R) => R;
}

/**
 * One table's rows in memory, with what changed since the last flush. Rows are mutated in place
 * and marked with `touch`; the flush writes every changed row whole, so the table always says
 * exactly what memory says.
 */
export class Table<R extends object> {
  private readonly rows = new Map<string, R>();
  private readonly changed = new Set<string>();
  private readonly removed = new Map<string, R>();
  private readonly upsertSql: string;
  private readonly deleteSql: string;

  constructor(readonly spec: TableSpec<R>) {
    const columns = spec.columns.join(', ');
    const updates = spec.columns.filter((c) => !spec.pk.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
    this.upsertSql =
      `INSERT INTO ${spec.name} (${columns}) SELECT ${columns} FROM jsonb_populate_recordset(NULL::${spec.name}, $1::jsonb) ` +
      `ON CONFLICT (${spec.pk.join(', ')}) DO ${updates.length > 0 ? `UPDATE SET ${updates.join(', ')}` : 'NOTHING'}`;
    this.deleteSql =
      `DELETE FROM ${spec.name} t USING jsonb_populate_recordset(NULL::${spec.name}, $1::jsonb) d WHERE ` +
      spec.pk.map((c) => `t.${c} = d.${c}`).join(' AND ');
  }

  keyOf(row: R): string {
    return this.spec.pk.map((c) => String(row[c])).join('\u0000');
  }

  get(key: string): R | undefined {
    return this.rows.get(key);
  }

  values(): IterableIterator<R> {
    return this.rows.values();
  }

  put(row: R): void {
    // A payload missing a field would otherwise surface as a NULL at flush time, far from its event.
    for (const c of this.spec.columns) if (row[c] === undefined) throw new Error(`${this.spec.name}.${c} has no value`);
    const key = this.keyOf(row);
    this.rows.set(key, row);
    this.changed.add(key);
    this.removed.delete(key);
  }

  touch(row: R): void {
    this.changed.add(this.keyOf(row));
  }

  delete(row: R): void {
    const key = this.keyOf(row);
    this.rows.delete(key);
    this.changed.delete(key);
    this.removed.set(key, row);
  }

  /** Loads what the table holds (a live start after another process wrote it). */
  async load(tx: EntityManager): Promise<void> {
    const rows = (await tx.query(`SELECT ${this.spec.columns.join(', ')} FROM ${this.spec.name}`)) as R[];
    const from = this.spec.fromDatabase;
    for (const row of rows) {
      const kept = from ? from(row) : row;
      this.rows.set(this.keyOf(kept), kept);
    }
  }

  /**
   * The statements that write the rows changed since the last call, serialised now: the rows may
   * change again (the next batch) before the statements run. One DELETE and one upsert at most.
   */
  takeWrites(): TableWrite[] {
    const writes: TableWrite[] = [];
    if (this.removed.size > 0) writes.push({ sql: this.deleteSql, rows: JSON.stringify([...this.removed.values()]) });
    if (this.changed.size > 0) {
      const rows: R[] = [];
      for (const key of this.changed) {
        const row = this.rows.get(key);
        if (row) rows.push(row);
      }
      writes.push({ sql: this.upsertSql, rows: JSON.stringify(rows) });
    }
    this.changed.clear();
    this.removed.clear();
    return writes;
  }
}

/** One statement of a flush, its rows already serialised as a JSON array. */
export interface TableWrite {
  sql: string;
  rows: string;
}

export async function runWrites(writes: readonly TableWrite[], tx: EntityManager): Promise<void> {
  for (const { sql, rows } of writes) await tx.query(sql, [rows]);
}

/** pg reads bigint as text: the ledger keeps VND and m² as numbers (they stay far below 2^53). */
export const asNumber = (value: number | string): number => (typeof value === 'string' ? Number(value) : value);
/** pg reads timestamptz as a Date: the ledger keeps the ISO instant the event recorded. */
export const asIso = (value: string | Date): string => (value instanceof Date ? value.toISOString() : value);

import type { EntityManager } from 'typeorm';
import { type ColumnKind, columnKinds, copyInto, encodeCopyRows } from './copy-rows';

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
 *
 * A complete table holds every row the database holds: a row put under a key it does not hold
 * (and has not deleted since the last flush) is new to the table, and is written with COPY,
 * several times cheaper for PostgreSQL than the upsert the others need. A partial table (after
 * an eviction, or opened on a large ledger) holds some rows: a key it does not hold is reported to
 * `onAbsent`, which decides whether the answer can be trusted, and a row is upserted unless
 * `isKnownNew` says the database cannot hold its key.
 */
export class Table<R extends object> {
  private readonly rows = new Map<string, R>();
  private readonly changed = new Set<string>();
  private readonly removed = new Map<string, R>();
  /**
   * The keys the last writes taken delete: while they land, a read of the table still finds the
   * rows, and must not bring them back (Projection.fold reads while the last batch lands).
   */
  private landing = new Set<string>();
  /** Changed keys the table does not hold yet. */
  private readonly fresh = new Set<string>();
  /** Known once `load` has read the catalog; until then every row is upserted. */
  private kinds: ColumnKind[] | null = null;
  private complete = true;
  /** The keys read or written while a batch is folded on a partial table: what a recovery reloads. */
  private accessed: Set<string> | null = null;
  /** Told of every key a partial table does not hold when asked for it. */
  onAbsent: ((key: string) => void) | null = null;
  /** Whether a partial table knows a row it does not hold is not in the database either (LookupFamily.holdsAllOf). */
  isKnownNew: ((row: R) => boolean) | null = null;
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
    const row = this.rows.get(key);
    this.accessed?.add(key);
    if (row === undefined && !this.complete) this.onAbsent?.(key);
    return row;
  }

  /** The row memory holds under `key`, asking nothing of a partial table and recording nothing. */
  peek(key: string): R | undefined {
    return this.rows.get(key);
  }

  /** How many rows memory holds. */
  get size(): number {
    return this.rows.size;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  values(): IterableIterator<R> {
    return this.rows.values();
  }

  put(row: R): void {
    // A payload missing a field would otherwise surface as a NULL at flush time, far from its event.
    for (const c of this.spec.columns) if (row[c] === undefined) throw new Error(`${this.spec.name}.${c} has no value`);
    const key = this.keyOf(row);
    if (!this.rows.has(key) && !this.removed.has(key) && (this.complete || this.isKnownNew?.(row) === true)) this.fresh.add(key);
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
    // A row put and deleted between two flushes never reaches the table: deleting it is harmless.
    this.fresh.delete(key);
    this.removed.set(key, row);
  }

  /** Reads the column types the COPY of new rows needs. */
  async loadKinds(tx: EntityManager): Promise<void> {
    this.kinds = await columnKinds(tx, this.spec.name, this.spec.columns);
  }

  /** Loads every row the table holds (a live start after another process wrote it). */
  async load(tx: EntityManager): Promise<R[]> {
    return this.merge(await tx.query<R[]>(`SELECT ${this.spec.columns.join(', ')} FROM ${this.spec.name}`));
  }

  /**
   * Loads the rows whose `column` is one of `values`, skipping those memory holds already (memory
   * is never older than the table); returns the rows it added, for the caller's indexes.
   */
  async loadWhere(tx: EntityManager, column: keyof R & string, values: readonly string[]): Promise<R[]> {
    const sql = `SELECT ${this.spec.columns.join(', ')} FROM ${this.spec.name} WHERE ${column} = ANY($1::text[])`;
    return this.merge(await tx.query<R[]>(sql, [values]));
  }

  /** From now on the table holds only some of the database's rows. */
  markPartial(): void {
    this.complete = false;
  }

  /** Drops every row: only between batches, once the changed rows' writes are taken. */
  evict(): void {
    if (this.changed.size > 0 || this.removed.size > 0) throw new Error(`${this.spec.name}: evicting unflushed rows`);
    this.rows.clear();
    this.complete = false;
  }

  /** Starts recording the keys a batch reads or writes, when the batch may have to be taken back. */
  track(on: boolean): void {
    this.accessed = on ? new Set() : null;
  }

  untrack(): void {
    this.accessed = null;
  }

  /**
   * Takes back a batch folded against rows memory did not hold: every row it read or wrote is
   * dropped and read again from the table, which stands where the last flush left it. Returns
   * the rows read back, for the caller's indexes.
   */
  async recover(tx: EntityManager): Promise<R[]> {
    const keys = new Set([...(this.accessed ?? []), ...this.changed, ...this.removed.keys()]);
    this.accessed = null;
    this.changed.clear();
    this.removed.clear();
    this.fresh.clear();
    if (keys.size === 0) return [];
    for (const k of keys) this.rows.delete(k);
    const { pk, columns, name } = this.spec;
    const parts = [...keys].map((k) => k.split('\u0000'));
    const sql = `SELECT ${columns.join(', ')} FROM ${name} WHERE (${pk.join(', ')}) IN ` +
      `(SELECT * FROM unnest(${pk.map((_, i) => `$${i + 1}::text[]`).join(', ')}))`;
    return this.merge(await tx.query<R[]>(sql, pk.map((_, i) => parts.map((p) => p[i]))));
  }

  private merge(rows: R[]): R[] {
    const from = this.spec.fromDatabase;
    const added: R[] = [];
    for (const row of rows) {
      const kept = from ? from(row) : row;
      const k = this.keyOf(kept);
      if (this.rows.has(k) || this.removed.has(k) || this.landing.has(k)) continue;
      this.rows.set(k, kept);
      added.push(kept);
    }
    return added;
  }

  /**
   * The writes of the rows changed since the last call, serialised now: the rows may change again
   * (the next batch) before they run. A DELETE, a COPY of new rows and an upsert, at most.
   */
  takeWrites(): TableWrite[] {
    const writes: TableWrite[] = [];
    const { name, columns } = this.spec;
    this.landing = new Set(this.removed.keys());
    if (this.removed.size > 0) {
      const removed = JSON.stringify([...this.removed.values()]);
      writes.push((tx) => tx.query(this.deleteSql, [removed]));
    }
    const inserted: R[] = [];
    const upserted: R[] = [];
    for (const key of this.changed) {
      const row = this.rows.get(key);
      if (row) (this.kinds && this.fresh.has(key) ? inserted : upserted).push(row);
    }
    if (inserted.length > 0 && this.kinds) {
      const text = encodeCopyRows(inserted, columns, this.kinds);
      writes.push((tx) => copyInto(tx, name, columns, text));
    }
    if (upserted.length > 0) {
      const rows = JSON.stringify(upserted);
      writes.push((tx) => tx.query(this.upsertSql, [rows]));
    }
    this.changed.clear();
    this.removed.clear();
    this.fresh.clear();
    return writes;
  }
}

/** One statement of a flush, its rows already serialised. */
export type TableWrite = (tx: EntityManager) => Promise<unknown>;

export async function runWrites(writes: readonly TableWrite[], tx: EntityManager): Promise<void> {
  for (const write of writes) await write(tx);
}

/** pg reads bigint as text: the ledger keeps VND and m² as numbers (they stay far below 2^53). */
export const asNumber = (value: number | string): number => (typeof value === 'string' ? Number(value) : value);
/** pg reads timestamptz as a Date: the ledger keeps the ISO instant the event recorded. */
export const asIso = (value: string | Date): string => (value instanceof Date ? value.toISOString() : value);

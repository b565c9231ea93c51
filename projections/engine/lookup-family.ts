import type { EntityManager } from 'typeorm';
import type { Table } from './table';

/**
 * The rows of one table that share a value of one column (a citizen's files, the people born on a
 * day): a lookup memory can answer only once it holds all of them. While the table is partial,
 * each value asked for is either known loaded or recorded as missing; `load` then reads every
 * missing value's rows in one `= ANY($1)` query.
 */
export class LookupFamily<R extends object> {
  private readonly loaded = new Set<string>();
  private readonly missing = new Set<string>();

  constructor(
    private readonly table: Table<R>,
    private readonly column: keyof R & string,
    private readonly index: (row: R) => void,
  ) {}

  /**
   * Whether memory holds every row the table could hold under this row's key: true once this row's
   * value was read, when the family's column is part of the key (a file's people: any declaration
   * keyed by that file has that file id). A family by another column proves nothing: the table may
   * hold the key with another value there.
   */
  holdsAllOf(row: R): boolean {
    return this.table.spec.pk.includes(this.column) && this.loaded.has(String(row[this.column]));
  }

  need(value: string): void {
    if (!this.table.isComplete && !this.loaded.has(value)) this.missing.add(value);
  }

  get hasMisses(): boolean {
    return this.missing.size > 0;
  }

  async load(tx: EntityManager): Promise<void> {
    if (this.missing.size === 0) return;
    const values = [...this.missing];
    for (const row of await this.table.loadWhere(tx, this.column, values)) this.index(row);
    for (const value of values) this.loaded.add(value);
    this.missing.clear();
  }

  /** The table dropped its rows: nothing is known loaded any more. */
  forget(): void {
    this.loaded.clear();
    this.missing.clear();
  }
}

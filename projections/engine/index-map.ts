/** Undo steps of the index changes made while a batch is folded; null when nothing needs undoing. */
export interface IndexJournal {
  undo: (() => void)[] | null;
}

/**
 * A secondary index: each value of a column to the keys of the rows that hold it. Most values
 * have one row (a citizen's one file, a file's one unit), so a lone key is kept as a plain string
 * and a Set only made for the second: at a million events the indexes hold millions of entries,
 * and a one-element Set costs several times its key.
 *
 * A batch folded against rows memory did not hold must be taken back (LedgerState.recover), so
 * while the journal is open every change leaves its inverse there.
 */
export class IndexMap {
  private readonly entries = new Map<string, string | Set<string>>();

  constructor(private readonly journal: IndexJournal) {}

  add(value: string, key: string): void {
    if (this.insert(value, key)) this.journal.undo?.push(() => this.erase(value, key));
  }

  remove(value: string, key: string): void {
    if (this.erase(value, key)) this.journal.undo?.push(() => this.insert(value, key));
  }

  get(value: string): Iterable<string> {
    const keys = this.entries.get(value);
    if (keys === undefined) return EMPTY;
    return typeof keys === 'string' ? [keys] : keys;
  }

  clear(): void {
    this.entries.clear();
  }

  private insert(value: string, key: string): boolean {
    const keys = this.entries.get(value);
    if (keys === undefined) this.entries.set(value, key);
    else if (typeof keys === 'string') {
      if (keys === key) return false;
      this.entries.set(value, new Set([keys, key]));
    } else {
      if (keys.has(key)) return false;
      keys.add(key);
    }
    return true;
  }

  private erase(value: string, key: string): boolean {
    const keys = this.entries.get(value);
    if (keys === undefined) return false;
    if (typeof keys === 'string') {
      if (keys !== key) return false;
      this.entries.delete(value);
      return true;
    }
    if (!keys.delete(key)) return false;
    if (keys.size === 1) this.entries.set(value, keys.values().next().value as string);
    return true;
  }
}

const EMPTY: readonly string[] = [];

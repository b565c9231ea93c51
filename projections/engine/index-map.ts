/** A secondary index: each value of a column to the keys of the rows that hold it. */
export class IndexMap {
  private readonly entries = new Map<string, Set<string>>();

  add(value: string, key: string): void {
    let keys = this.entries.get(value);
    if (!keys) this.entries.set(value, (keys = new Set()));
    keys.add(key);
  }

  remove(value: string, key: string): void {
    const keys = this.entries.get(value);
    if (!keys) return;
    keys.delete(key);
    if (keys.size === 0) this.entries.delete(value);
  }

  get(value: string): ReadonlySet<string> {
    return this.entries.get(value) ?? EMPTY;
  }

  clear(): void {
    this.entries.clear();
  }
}

const EMPTY: ReadonlySet<string> = new Set();

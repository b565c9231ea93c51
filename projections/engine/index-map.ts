/**
 * A secondary index: each value of a column to the keys of the rows that hold it. Most values
 * have one row (a citizen's one file, a file's one unit), so a lone key is kept as a plain string
 * and a Set only made for the second: at a million events the indexes hold millions of entries,
 * and a one-element Set costs several times its key.
 */
export class IndexMap {
  private readonly entries = new Map<string, string | Set<string>>();

  add(value: string, key: string): void {
    const keys = this.entries.get(value);
    if (keys === undefined) this.entries.set(value, key);
    else if (typeof keys === 'string') {
      if (keys !== key) this.entries.set(value, new Set([keys, key]));
    } else keys.add(key);
  }

  remove(value: string, key: string): void {
    const keys = this.entries.get(value);
    if (keys === undefined) return;
    if (typeof keys === 'string') {
      if (keys === key) this.entries.delete(value);
      return;
    }
    keys.delete(key);
    if (keys.size === 1) this.entries.set(value, keys.values().next().value as string);
  }

  get(value: string): Iterable<string> {
    const keys = this.entries.get(value);
    if (keys === undefined) return EMPTY;
    return typeof keys === 'string' ? [keys] : keys;
  }
}

const EMPTY: readonly string[] = [];

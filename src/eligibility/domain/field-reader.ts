import { InvalidPolicyVersion } from './eligibility.errors';
import { isIsoDate } from './policy';

type Fields = Record<string, unknown>;

/**
 * Reads hand-edited policy data field by field, naming the file and the dotted field of the first
 * value that is wrong, so an operator correcting an unverified rule sees exactly what to fix.
 */
export class FieldReader {
  constructor(private readonly file: string) {}

  fail(path: string, problem: string): never {
    throw new InvalidPolicyVersion(this.file, path || '(root)', problem);
  }

  /** An object with every `required` key, and no key outside `required` and `optional` (a typo is an error). */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): Fields {
    const fields = this.anyObject(value, path);
    for (const key of required) if (fields[key] === undefined) this.fail(join(path, key), 'is missing');
    for (const key of Object.keys(fields)) {
      if (!required.includes(key) && !optional.includes(key)) this.fail(join(path, key), 'is not a known field');
    }
    return fields;
  }

  /** An object with any keys, e.g. a union whose `kind` decides which keys are known. */
  anyObject(value: unknown, path: string): Fields {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, `must be an object, got ${shown(value)}`);
    return value as Fields;
  }

  /** An object used as a map from some of `keys` (any key when absent) to values read by `read`. */
  record<T>(value: unknown, path: string, read: (item: unknown, path: string) => T, keys?: readonly string[]): Record<string, T> {
    const fields = keys ? this.object(value, path, [], keys) : this.anyObject(value, path);
    return Object.fromEntries(Object.entries(fields).map(([key, item]) => [key, read(item, join(path, key))]));
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string' || value.trim() === '') this.fail(path, `must be a non-empty string, got ${shown(value)}`);
    return value;
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, `must be true or false, got ${shown(value)}`);
    return value;
  }

  date(value: unknown, path: string): string {
    if (typeof value !== 'string' || !isIsoDate(value)) this.fail(path, `must be a date YYYY-MM-DD, got ${shown(value)}`);
    return value;
  }

  positiveNumber(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) this.fail(path, `must be a positive number, got ${shown(value)}`);
    return value;
  }

  /** VND and m² of the law are whole numbers. */
  positiveInteger(value: unknown, path: string): number {
    if (!Number.isSafeInteger(value) || (value as number) <= 0) this.fail(path, `must be a positive whole number, got ${shown(value)}`);
    return value as number;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T {
    if (!allowed.includes(value as T)) this.fail(path, `must be one of ${allowed.join(', ')}, got ${shown(value)}`);
    return value as T;
  }

  /** A list without repeats: a repeated category or tenure is always a slip of the editor. */
  list<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): T[] {
    if (!Array.isArray(value)) this.fail(path, `must be a list, got ${shown(value)}`);
    const items = value.map((item, index) => read(item, `${path}[${index}]`));
    items.forEach((item, index) => {
      if (items.indexOf(item) !== index) this.fail(`${path}[${index}]`, `repeats ${shown(item)}`);
    });
    return items;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

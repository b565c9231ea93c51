export interface NotPlainJson {
  /** Where, e.g. `data.units[0].unitNo`. */
  path: string;
  problem: string;
}

/**
 * The first place where `value` is not plain JSON, or undefined when all of it is. Plain JSON is
 * what survives `JSON.stringify` and PostgreSQL's jsonb unchanged: null, booleans, finite numbers,
 * strings without NUL or lone surrogates, arrays without holes, and objects whose prototype is
 * Object's (or null) with string keys. Anything else would be stored as something other than
 * what was hashed: `undefined` vanishes, NaN becomes null, a Date becomes a string, a Map `{}`.
 */
export function firstNotPlainJson(value: unknown, path: string, ancestors: object[] = []): NotPlainJson | undefined {
  switch (typeof value) {
    case 'boolean':
      return undefined;
    case 'string':
      return isPlainText(value) ? undefined : { path, problem: 'holds a NUL character or a lone surrogate' };
    case 'number':
      return Number.isFinite(value) ? undefined : { path, problem: `is ${value}, not a finite number` };
    case 'object':
      return value === null ? undefined : firstInContainer(value, path, ancestors);
    default:
      return { path, problem: `is ${typeof value}` };
  }
}

/** Text every JSON store keeps as given: no NUL (jsonb refuses it) and no half of a surrogate pair. */
export function isPlainText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

function firstInContainer(value: object, path: string, ancestors: object[]): NotPlainJson | undefined {
  if (ancestors.includes(value)) return { path, problem: 'refers to itself' };
  const within = [...ancestors, value];
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return { path, problem: 'is not a plain array' };
    // An index loop, not forEach: a hole is read as undefined and refused, where forEach skips it.
    for (let i = 0; i < value.length; i += 1) {
      const found = firstNotPlainJson(value[i], `${path}[${i}]`, within);
      if (found) return found;
    }
    return undefined;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    // An object made with Object.create(prototype) may have no constructor at all.
    const constructor: unknown = Reflect.get(value, 'constructor');
    return { path, problem: `is a ${typeof constructor === 'function' ? constructor.name : 'non-plain object'}, not a plain object` };
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return { path, problem: 'has symbol keys' };
  for (const [key, inner] of Object.entries(value)) {
    if (!isPlainText(key)) return { path, problem: 'has a key with a NUL character or a lone surrogate' };
    const found = firstNotPlainJson(inner, `${path}.${key}`, within);
    if (found) return found;
  }
  return undefined;
}

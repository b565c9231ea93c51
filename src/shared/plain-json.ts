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
export function firstNotPlainJson(value: unknown, path: string): NotPlainJson | undefined {
  const found = problemIn(value, []);
  return found && { path: path + found.at.reverse().join(''), problem: found.problem };
}

/** What a text failing isPlainText is told, after the field's name: one wording for the API and the spreadsheets. */
export const NOT_PLAIN_TEXT = { vi: 'chứa ký tự NUL hoặc ký tự surrogate đơn lẻ', en: 'must not contain a NUL character or a lone surrogate' } as const;

/** Text every JSON store keeps as given: no NUL (jsonb refuses it) and no half of a surrogate pair. */
export function isPlainText(value: string): boolean {
  return !value.includes('\u0000') && value.isWellFormed();
}

/**
 * The walk behind `firstNotPlainJson`. Every event is checked through here, so the path is built
 * only for a problem, step by step on the way back up (`at`, innermost first), and the containers
 * being walked are one stack, not a copy per level.
 */
interface Found {
  at: string[];
  problem: string;
}

function problemIn(value: unknown, ancestors: object[]): Found | undefined {
  switch (typeof value) {
    case 'boolean':
      return undefined;
    case 'string':
      return isPlainText(value) ? undefined : { at: [], problem: 'holds a NUL character or a lone surrogate' };
    case 'number':
      return Number.isFinite(value) ? undefined : { at: [], problem: `is ${value}, not a finite number` };
    case 'object':
      return value === null ? undefined : problemInContainer(value, ancestors);
    default:
      return { at: [], problem: `is ${typeof value}` };
  }
}

function problemInContainer(value: object, ancestors: object[]): Found | undefined {
  if (ancestors.includes(value)) return { at: [], problem: 'refers to itself' };
  ancestors.push(value);
  const found = problemInMembers(value, ancestors);
  ancestors.pop();
  return found;
}

function problemInMembers(value: object, ancestors: object[]): Found | undefined {
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return { at: [], problem: 'is not a plain array' };
    // An index loop, not forEach: a hole is read as undefined and refused, where forEach skips it.
    for (let i = 0; i < value.length; i += 1) {
      const found = problemIn(value[i], ancestors);
      if (found) return { at: [...found.at, `[${i}]`], problem: found.problem };
    }
    return undefined;
  }
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) {
    // An object made with Object.create(prototype) may have no constructor at all.
    const constructor: unknown = Reflect.get(value, 'constructor');
    return { at: [], problem: `is a ${typeof constructor === 'function' ? constructor.name : 'non-plain object'}, not a plain object` };
  }
  if (Object.getOwnPropertySymbols(value).length > 0) return { at: [], problem: 'has symbol keys' };
  for (const key of Object.keys(value)) {
    if (!isPlainText(key)) return { at: [], problem: 'has a key with a NUL character or a lone surrogate' };
    const found = problemIn((value as Record<string, unknown>)[key], ancestors);
    if (found) return { at: [...found.at, `.${key}`], problem: found.problem };
  }
  return undefined;
}

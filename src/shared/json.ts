export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no insignificant whitespace.
 * The hash chain depends on it, so it must give the same text for a value however that
 * value's keys were ordered (PostgreSQL's jsonb reorders them; EventStoreDB keeps them).
 */
export function canonicalJson(value: JsonValue): string {
  // Every verification recomputes this for every event. Copying the value with its keys inserted
  // in sorted order and letting the native JSON.stringify write it costs a third of building the
  // text in JavaScript (1.2 kB event: 3.9 against 11.7 µs; bench: npm run bench -- checkpoints).
  const sorted = sortedCopy(value);
  return sorted === UNSORTABLE ? canonicalJsonByHand(value) : JSON.stringify(sorted);
}

/** Returned when insertion order cannot give canonical order: the text is then built by hand. */
const UNSORTABLE = Symbol('unsortable');

// A key like "10" is an array index: JavaScript lists such keys first, in numeric order, whatever
// the insertion order, so "10" would come before "9" instead of after it.
const ARRAY_INDEX = /^(?:0|[1-9][0-9]*)$/;

/** `undefined` (a hole, a missing value: not JSON) is refused here and written by hand as it always was. */
function sortedCopy(value: JsonValue | undefined): JsonValue | typeof UNSORTABLE {
  if (value === null || typeof value !== 'object') return value === undefined ? UNSORTABLE : value;
  if (Array.isArray(value)) {
    const copy: JsonValue[] = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i += 1) {
      const item = sortedCopy(value[i]);
      if (item === UNSORTABLE) return UNSORTABLE;
      copy[i] = item;
    }
    return copy;
  }
  const keys = Object.keys(value).sort();
  // A literal, not Object.create(null): V8 keeps that in dictionary mode, and stringifies it slower than by hand.
  const copy: { [key: string]: JsonValue } = {};
  for (const key of keys) {
    if (ARRAY_INDEX.test(key)) return UNSORTABLE;
    const item = sortedCopy(value[key]);
    if (item === UNSORTABLE) return UNSORTABLE;
    // Assigning "__proto__" would set the prototype instead of adding the key.
    if (key === '__proto__') Object.defineProperty(copy, key, { value: item, enumerable: true, writable: true, configurable: true });
    else copy[key] = item;
  }
  return copy;
}

/** The same text, written key by key: for objects with array-index keys (and values JSON cannot hold, kept as they always were). */
function canonicalJsonByHand(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += i === 0 ? canonicalJsonByHand(value[i]) : `,${canonicalJsonByHand(value[i])}`;
    return `${text}]`;
  }
  const keys = Object.keys(value).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i += 1) {
    if (i > 0) text += ',';
    text += `${JSON.stringify(keys[i])}:${canonicalJsonByHand(value[keys[i]])}`;
  }
  return `${text}}`;
}

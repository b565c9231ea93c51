export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no insignificant whitespace.
 * The hash chain depends on it, so it must give the same text for a value however that
 * value's keys were ordered (PostgreSQL's jsonb reorders them; EventStoreDB keeps them).
 */
export function canonicalJson(value: JsonValue): string {
  // Loops and += rather than map/join: every verification recomputes this for every event, and it
  // was over half of `verify`'s own CPU (bench: npm run bench -- checkpoints).
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let text = '[';
    for (let i = 0; i < value.length; i += 1) text += i === 0 ? canonicalJson(value[i]) : `,${canonicalJson(value[i])}`;
    return `${text}]`;
  }
  const keys = Object.keys(value).sort();
  let text = '{';
  for (let i = 0; i < keys.length; i += 1) {
    if (i > 0) text += ',';
    text += `${JSON.stringify(keys[i])}:${canonicalJson(value[keys[i]])}`;
  }
  return `${text}}`;
}

/**
 * Orders text as PostgreSQL does under the C collation the ledger's database uses: by code point
 * (UTF-8 byte order). JavaScript's `<` compares UTF-16 units, which puts characters above U+FFFF
 * (surrogate pairs) before U+E000–U+FFFF; this corrects exactly that case.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) return rank(x) - rank(y);
    return x - y;
  }
  return a.length - b.length;
}

/** Surrogates (0xD800–0xDFFF) stand for code points above every unit from 0xE000 to 0xFFFF. */
const rank = (unit: number) => (unit >= 0xd800 && unit <= 0xdfff ? unit + 0x2000 : unit - 0x800);

/** Files in the order the log recorded them (`ORDER BY recorded_at, application_id`). */
export const byRecordedAt = (a: { recorded_at: string; application_id: string }, b: { recorded_at: string; application_id: string }): number =>
  compareText(a.recorded_at, b.recorded_at) || compareText(a.application_id, b.application_id);

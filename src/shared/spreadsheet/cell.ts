/** A cell as a sheet reader hands it over: text from CSV, typed values from .xlsx. */
export type Cell = string | number | boolean | Date | null;

/** exceljs's cell values as plain cells: a formula gives its result, rich text its text, a hyperlink its text. */
export function cellValue(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellValue(v.result);
    if (typeof v.text === 'string') return v.text;
    if (v.error !== undefined) return v.error;
  }
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a cell kind exceljs may add later still shows as text, as String() spells it
  return String(value);
}

/** Whether a row holds anything: Excel keeps rows a clerk once touched and emptied. */
export const isBlankRow = (cells: readonly Cell[]): boolean => cells.every((c) => c === null || String(c).trim() === '');

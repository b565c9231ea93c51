import { plainKey } from './plain-key';

/** A column as clerks head it (`label`, in Vietnamese) and as the API or a registry names it (`aliases`). */
export interface ColumnSpec {
  label: string;
  aliases: readonly string[];
  required: boolean;
}

/** Required columns the header does not have, and what it has instead (for the message). */
export class MissingColumns extends Error {
  constructor(
    readonly missing: readonly string[],
    readonly present: string,
  ) {
    super(missing.map((label) => `column '${label}' is missing; found: ${present}`).join('\n'));
    this.name = 'MissingColumns';
  }

  /** `cột 'Ngày sinh' không có; có: …`, one line per missing column. */
  get messageVi(): string {
    return this.missing.map((label) => `cột '${label}' không có; có: ${this.present}`).join('\n');
  }
}

/**
 * Which cell of a row holds which column: header cells are matched without diacritics, case or
 * extra spaces, by the Vietnamese label or an alias, in any order. Unknown headers are ignored (a
 * clerk's own notes column); an optional column that is absent is at -1. A required column that is
 * missing throws MissingColumns, naming it and what the header has.
 */
export function columnIndexes<C extends string>(header: readonly string[], columns: Record<C, ColumnSpec>): Record<C, number> {
  const positions = new Map<string, number>();
  header.forEach((cell, index) => {
    const key = plainKey(cell);
    if (key !== '' && !positions.has(key)) positions.set(key, index);
  });
  const found = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [column, spec] of Object.entries(columns) as [C, ColumnSpec][]) {
    const at = [spec.label, ...spec.aliases].map((name) => positions.get(plainKey(name))).find((index) => index !== undefined);
    if (at !== undefined) found[column] = at;
    else if (spec.required) missing.push(spec.label);
    else found[column] = -1;
  }
  if (missing.length > 0) throw new MissingColumns(missing, header.filter((cell) => cell.trim() !== '').join(', ') || '(trống)');
  return found;
}

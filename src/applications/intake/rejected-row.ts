import type { Problem } from '../../shared/spreadsheet/clerk-cells';
import { labelOf, type RowProblem } from './intake-rows';

/** A row that wrote nothing, with every reason: `errors` in Vietnamese for the clerk, `errorsEn` for clients that want English. */
export interface RejectedRow {
  row: number;
  sheet: string;
  errors: string[];
  errorsEn: string[];
}

export function rejectedRow(sheet: string, row: number, problems: readonly RowProblem[], memberRows: readonly number[]): RejectedRow {
  return {
    row,
    sheet,
    errors: problems.map((p) => `${labelOf(p.path, memberRows)}: ${p.vi}`),
    errorsEn: problems.map((p) => (p.en.startsWith(p.path) ? p.en : `${p.path}: ${p.en}`)),
  };
}

/** A problem of the row as a whole (its file id taken, a repeated id), not of one cell. */
export function wholeRow(sheet: string, row: number, problem: Problem): RejectedRow {
  return { row, sheet, errors: [problem.vi], errorsEn: [problem.en] };
}

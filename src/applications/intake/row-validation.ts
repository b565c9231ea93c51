import { validate } from 'class-validator';
import { passesValidation } from '../../http/passes-validation';
import { validationProblems } from '../../http/validation-problems';
import type { SubmitApplicationRequest } from '../commands/submit-application/submit-application.request.dto';
import type { IntakeRow, RowProblem } from './intake-rows';

/**
 * The row's body checked by the very DTO `POST /applications` validates with, so a spreadsheet
 * can never let through what the API refuses. A field whose cell already failed to read keeps
 * only that reason: the DTO would say the same thing less precisely.
 */
export async function validateRow(row: IntakeRow): Promise<{ request?: SubmitApplicationRequest; problems: RowProblem[] }> {
  const request = row.body;
  // Nearly every row is good: the quick yes spares the library's per-call work; a no gets its messages.
  if (row.problems.length === 0 && passesValidation(request)) return { request, problems: [] };
  const errors = await validate(request, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: false });
  const read = new Set(row.problems.map((p) => p.path));
  const ruled = validationProblems(errors)
    .filter((p) => !read.has(p.path) && !(p.path.startsWith('household.') && read.has(p.path.replace(/\.\w+$/, ''))))
    .map(({ path, vi, en }) => ({ path, vi, en }));
  const problems = [...row.problems, ...ruled];
  return problems.length === 0 ? { request, problems } : { problems };
}

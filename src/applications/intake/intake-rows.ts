import type { Cell } from '../../shared/spreadsheet/cell';
import { HouseholdMemberDto, PersonDto } from '../commands/submit-application/person.dto';
import { HousingDto, SubmitApplicationRequest } from '../commands/submit-application/submit-application.request.dto';
import { type Problem, type Read, readAmount, readCitizenId, readDate, readGender, readNumber, readText } from '../../shared/spreadsheet/clerk-cells';
import { readCategory, readRelation, readTenure, readYesNo } from './application-cells';
import { APPLICATION_COLUMNS, type ApplicationColumn, columnIndexes, MEMBER_COLUMNS, type MemberColumn } from './intake-columns';
import type { Sheet, SheetRow, Spreadsheet } from './read-spreadsheet';

/** A problem found in a cell or by the rules, for the request field it concerns. */
export interface RowProblem extends Problem {
  path: string;
}

/**
 * One application of the spreadsheet as the API would have received it, with what the cells
 * already told us is wrong. `body` is the DTO built field by field, as class-transformer would
 * build it from the same plain body (a read cell is a string, number, boolean or undefined): the
 * intake knows the shape, and class-transformer's generic walk cost as much as the validation.
 * Its fields are unchecked until validated. `memberRows[i]` is the sheet row of `household[i]`,
 * so a member's problem can name the row the clerk must fix.
 */
export interface IntakeRow {
  row: number;
  id: string;
  body: SubmitApplicationRequest;
  memberRows: number[];
  problems: RowProblem[];
}

const LABELS: Record<string, string> = {
  id: APPLICATION_COLUMNS.id.label,
  tenure: APPLICATION_COLUMNS.tenure.label,
  category: APPLICATION_COLUMNS.category.label,
  monthlyIncomeVnd: APPLICATION_COLUMNS.monthlyIncomeVnd.label,
  submittedAt: APPLICATION_COLUMNS.submittedAt.label,
  'housing.ownsHome': APPLICATION_COLUMNS.ownsHome.label,
  'housing.floorAreaPerPersonM2': APPLICATION_COLUMNS.floorAreaPerPersonM2.label,
  'applicant.citizenId': APPLICATION_COLUMNS.citizenId.label,
  'applicant.fullName': APPLICATION_COLUMNS.fullName.label,
  'applicant.dateOfBirth': APPLICATION_COLUMNS.dateOfBirth.label,
  'applicant.gender': APPLICATION_COLUMNS.gender.label,
  citizenId: MEMBER_COLUMNS.citizenId.label,
  fullName: MEMBER_COLUMNS.fullName.label,
  dateOfBirth: MEMBER_COLUMNS.dateOfBirth.label,
  gender: MEMBER_COLUMNS.gender.label,
  relation: MEMBER_COLUMNS.relation.label,
  household: 'Thành viên hộ',
  projectId: 'Dự án',
  receivedBy: 'Cán bộ tiếp nhận',
};

/** The clerk's name for a request field: the column's label, a member's with its row of sheet `Thành viên hộ`. */
export function labelOf(path: string, memberRows: readonly number[]): string {
  const member = /^household\.(\d+)\.(.+)$/.exec(path);
  if (member) return `Thành viên hộ dòng ${memberRows[Number(member[1])] ?? '?'}, cột '${LABELS[member[2]] ?? member[2]}'`;
  return `cột '${LABELS[path] ?? path}'`;
}

type Reader<T> = (cell: Cell) => Read<T>;

/** Reads the cells of one row, collecting each cell's problem under its request path; an empty required cell is one too. */
function rowReader<C extends string>(cells: readonly Cell[], at: Record<C, number>, spec: Record<C, { label: string; required: boolean }>, problems: RowProblem[], prefix: string) {
  return <T>(column: C, read: Reader<T>, path: string): T | undefined => {
    const cell = at[column] === -1 ? null : (cells[at[column]] ?? null);
    const { value, problem } = read(cell);
    if (problem) problems.push({ path: prefix + path, ...problem });
    else if (value === undefined && spec[column].required)
      problems.push({ path: prefix + path, vi: 'chưa điền', en: `${spec[column].label} is empty` });
    return value;
  };
}

/**
 * The applications of a spreadsheet with their household members joined by `Mã hồ sơ`, built one
 * by one as the import takes them (a batch is written while the next is read), so only a batch of
 * rows is alive at a time. The headers are checked at once, before anything can be written.
 */
export interface Intake {
  /** The rows of sheet 'Hồ sơ', for progress. */
  total: number;
  rows: Iterable<IntakeRow>;
  /** The members no file claimed, reported apart: complete once `rows` has been read to the end. */
  strayMembers(): { row: number; problem: Problem }[];
}

export function intakeRows(book: Spreadsheet, projectId: string, receivedBy: string): Intake {
  const members = book.members ? memberRows(book.members) : new Map<string, MemberRow[]>();
  const sheet = book.applications;
  const at = columnIndexes<ApplicationColumn>(sheet.name, sheet.header, APPLICATION_COLUMNS);
  return {
    total: sheet.rows.length,
    rows: applicationRows(sheet.rows, at, projectId, receivedBy, members),
    strayMembers: () =>
      [...members.entries()].flatMap(([id, list]) =>
        list.map((m) => ({ row: m.row, problem: { vi: `Mã hồ sơ '${id}' không có trong sheet 'Hồ sơ'`, en: `application '${id}' is not in sheet 'Hồ sơ'` } })),
      ),
  };
}

interface MemberRow {
  row: number;
  member: HouseholdMemberDto;
  problems: RowProblem[];
}

/** Members by `Mã hồ sơ`; the map is drained as files claim their members, so what remains belongs to no file. */
function memberRows(sheet: Sheet): Map<string, MemberRow[]> {
  const at = columnIndexes<MemberColumn>(sheet.name, sheet.header, MEMBER_COLUMNS);
  const byFile = new Map<string, MemberRow[]>();
  for (const { row, cells } of sheet.rows) {
    const problems: RowProblem[] = [];
    const read = rowReader(cells, at, MEMBER_COLUMNS, problems, '');
    const id = read('id', readText, 'id') ?? '';
    const member = Object.assign(new HouseholdMemberDto(), {
      citizenId: read('citizenId', readCitizenId, 'citizenId'),
      fullName: read('fullName', readText, 'fullName'),
      dateOfBirth: read('dateOfBirth', readDate, 'dateOfBirth'),
      gender: read('gender', readGender, 'gender'),
      relation: read('relation', readRelation, 'relation'),
    });
    const list = byFile.get(id) ?? [];
    list.push({ row, member, problems });
    byFile.set(id, list);
  }
  return byFile;
}

function* applicationRows(
  rows: readonly SheetRow[],
  at: Record<ApplicationColumn, number>,
  projectId: string,
  receivedBy: string,
  members: Map<string, MemberRow[]>,
): Generator<IntakeRow> {
  for (const { row, cells } of rows) {
    const problems: RowProblem[] = [];
    const read = rowReader(cells, at, APPLICATION_COLUMNS, problems, '');
    const id = read('id', readText, 'id') ?? '';
    const own = members.get(id) ?? [];
    members.delete(id);
    own.forEach((m, index) => problems.push(...m.problems.map((p) => ({ ...p, path: `household.${index}.${p.path}` }))));
    const ownsHome = read('ownsHome', readYesNo, 'housing.ownsHome');
    const body = Object.assign(new SubmitApplicationRequest(), {
      id,
      projectId,
      tenure: read('tenure', readTenure, 'tenure'),
      applicant: Object.assign(new PersonDto(), {
        citizenId: read('citizenId', readCitizenId, 'applicant.citizenId'),
        fullName: read('fullName', readText, 'applicant.fullName'),
        dateOfBirth: read('dateOfBirth', readDate, 'applicant.dateOfBirth'),
        gender: read('gender', readGender, 'applicant.gender'),
      }),
      household: own.map((m) => m.member),
      category: read('category', readCategory, 'category'),
      monthlyIncomeVnd: read('monthlyIncomeVnd', readAmount, 'monthlyIncomeVnd'),
      housing: Object.assign(new HousingDto(), {
        ownsHome: ownsHome === undefined ? undefined : ownsHome === 'yes',
        floorAreaPerPersonM2: read('floorAreaPerPersonM2', readNumber, 'housing.floorAreaPerPersonM2'),
      }),
      submittedAt: read('submittedAt', readDate, 'submittedAt'),
      receivedBy,
    });
    yield { row, id, body, memberRows: own.map((m) => m.row), problems };
  }
}

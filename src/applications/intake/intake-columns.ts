import { plainKey } from './vietnamese-text';

/** The cells of one application row (sheet `Hồ sơ`, or the CSV), by the API's field names. */
export const APPLICATION_COLUMNS = {
  id: { label: 'Mã hồ sơ', aliases: ['id', 'applicationId'], required: true },
  citizenId: { label: 'Số CCCD', aliases: ['citizenId', 'cccd'], required: true },
  fullName: { label: 'Họ và tên', aliases: ['fullName', 'họ tên'], required: true },
  dateOfBirth: { label: 'Ngày sinh', aliases: ['dateOfBirth'], required: true },
  gender: { label: 'Giới tính', aliases: ['gender'], required: false },
  category: { label: 'Đối tượng', aliases: ['category'], required: true },
  monthlyIncomeVnd: { label: 'Thu nhập bình quân tháng', aliases: ['monthlyIncomeVnd', 'thu nhập'], required: true },
  tenure: { label: 'Hình thức', aliases: ['tenure'], required: true },
  ownsHome: { label: 'Sở hữu nhà ở', aliases: ['ownsHome'], required: true },
  floorAreaPerPersonM2: { label: 'Diện tích bình quân', aliases: ['floorAreaPerPersonM2'], required: false },
  submittedAt: { label: 'Ngày nộp', aliases: ['submittedAt'], required: true },
} as const;

/** Sheet `Thành viên hộ`: the household members, joined to their file by `Mã hồ sơ`. */
export const MEMBER_COLUMNS = {
  id: { label: 'Mã hồ sơ', aliases: ['id', 'applicationId'], required: true },
  citizenId: { label: 'Số CCCD', aliases: ['citizenId', 'cccd'], required: true },
  fullName: { label: 'Họ và tên', aliases: ['fullName', 'họ tên'], required: true },
  dateOfBirth: { label: 'Ngày sinh', aliases: ['dateOfBirth'], required: true },
  gender: { label: 'Giới tính', aliases: ['gender'], required: false },
  relation: { label: 'Quan hệ', aliases: ['relation'], required: true },
} as const;

export type ColumnSpec = { label: string; aliases: readonly string[]; required: boolean };
export type ApplicationColumn = keyof typeof APPLICATION_COLUMNS;
export type MemberColumn = keyof typeof MEMBER_COLUMNS;

export const APPLICATIONS_SHEET = 'Hồ sơ';
export const MEMBERS_SHEET = 'Thành viên hộ';

/** A file whose header the intake cannot use: nothing of it is read. */
export class IntakeHeaderMismatch extends Error {
  constructor(
    readonly sheet: string,
    readonly messageVi: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
    this.name = 'IntakeHeaderMismatch';
  }
}

/**
 * Which cell of a row holds which column: header cells are matched without diacritics, case or
 * extra spaces, by the Vietnamese label or the API's field name. Unknown headers are ignored (a
 * clerk's own notes column); a required column that is missing refuses the sheet, naming it and
 * what the sheet has.
 */
export function columnIndexes<C extends string>(sheet: string, header: readonly string[], columns: Record<C, ColumnSpec>): Record<C, number> {
  const positions = new Map<string, number>();
  header.forEach((cell, index) => {
    const key = plainKey(cell);
    if (key !== '' && !positions.has(key)) positions.set(key, index);
  });
  const found = {} as Record<C, number>;
  const missing: string[] = [];
  for (const [column, spec] of Object.entries(columns) as [C, ColumnSpec][]) {
    const names = [spec.label, ...spec.aliases].map(plainKey);
    const at = names.map((name) => positions.get(name)).find((index) => index !== undefined);
    if (at !== undefined) found[column] = at;
    else if (spec.required) missing.push(spec.label);
    else found[column] = -1;
  }
  if (missing.length > 0) {
    const present = header.filter((cell) => cell.trim() !== '').join(', ') || '(trống)';
    const vi = missing.map((label) => `sheet '${sheet}': cột '${label}' không có; có: ${present}`).join('\n');
    const en = missing.map((label) => `sheet '${sheet}': column '${label}' is missing; found: ${present}`).join('\n');
    throw new IntakeHeaderMismatch(sheet, vi, en);
  }
  return found;
}

import { columnIndexes as sharedColumnIndexes, type ColumnSpec, MissingColumns } from '../../shared/spreadsheet/header-columns';

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

/** The intake's columns of one sheet, a missing one named with its sheet. */
export function columnIndexes<C extends string>(sheet: string, header: readonly string[], columns: Record<C, ColumnSpec>): Record<C, number> {
  try {
    return sharedColumnIndexes(header, columns);
  } catch (error) {
    if (!(error instanceof MissingColumns)) throw error;
    const vi = error.messageVi.split('\n').map((line) => `sheet '${sheet}': ${line}`).join('\n');
    const en = error.message.split('\n').map((line) => `sheet '${sheet}': ${line}`).join('\n');
    throw new IntakeHeaderMismatch(sheet, vi, en);
  }
}

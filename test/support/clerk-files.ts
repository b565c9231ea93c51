import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';

/**
 * A clerk's file as boards really send them: Vietnamese headers typed loosely, `Nam`/`Nữ`, `mua`,
 * incomes `12.000.000`, dates DD/MM/YYYY; three bad rows among good ones. Row numbers are the
 * sheet's (header = row 1). Good: rows 2, 3, 5, 7. Bad: row 4 (id 11 digits, income "mười triệu",
 * a 31st of February), row 6 (tenure "bán", gender "X"), row 8 (repeats row 2's id).
 */
export const CLERK_HEADER = ['ma ho so', 'SỐ CCCD', 'Họ và  tên', 'Ngày sinh', 'Giới tính', 'Đối tượng', 'Thu nhập bình quân tháng', 'Hình thức', 'Sở hữu nhà ở', 'Diện tích bình quân', 'Ngày nộp'];
export const CLERK_ROWS: string[][] = [
  ['HS-01', '031 190 001 234', 'Nguyễn Thị Lan', '12/04/1990', 'Nữ', 'Công nhân', '12.000.000', 'mua', 'Không', '', '15/09/2025'],
  ['HS-02', '031.190.005.678', 'Trần Văn Hùng', '1985-01-20', 'Nam', 'worker', '9500000', 'thuê mua', 'Có', '8', '2025-09-16'],
  ['HS-03', '03119000123', 'Lê Văn Tám', '31/02/1992', 'Nam', 'Công nhân', 'mười triệu', 'mua', 'Không', '', '16/09/2025'],
  ['HS-04', '031190007777', 'Phạm Thị Hoa', '03/07/1993', 'nữ', 'Người thu nhập thấp tại đô thị', '14.500.000 đ', 'thuê', 'không', '', '17/09/2025'],
  ['HS-05', '031190008888', 'Đỗ Văn Bình', '05/05/1980', 'X', 'Công nhân', '11.000.000', 'bán', 'Không', '', '18/09/2025'],
  ['HS-06', '031190009999', 'Vũ Thị Mai', '09/09/1999', 'Nữ', 'cong nhan', '7.000.000', 'MUA', 'Không', '', '19/09/2025'],
  ['HS-01', '031190001111', 'Ngô Văn Lặp', '01/01/1990', 'Nam', 'Công nhân', '10.000.000', 'mua', 'Không', '', '20/09/2025'],
];
export const MEMBER_HEADER = ['Mã hồ sơ', 'Số CCCD', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Quan hệ'];
export const MEMBER_ROWS: string[][] = [
  ['HS-01', '031088004321', 'Trần Văn Minh', '30/09/1988', 'Nam', 'chồng'],
  ['HS-01', '031215000777', 'Trần Minh An', '01/06/2015', '', 'con'],
  ['HS-06', '031199000001', 'Vũ Văn Khải', '01/01/1960', 'Nam', 'ông'],
];
export const GOOD_IDS = ['HS-01', 'HS-02', 'HS-04'];
export const goodIds = (prefix: string) => GOOD_IDS.map((id) => id.replace('HS-', prefix));

/** Application ids are global (stream names): each import that must not meet another's files gets its own prefix. */
const prefixed = (rows: string[][], prefix: string) => rows.map(([id, ...rest]) => [id.replace('HS-', prefix), ...rest]);

export function clerkCsv(prefix = 'HS-', delimiter = ','): string {
  const quote = (cell: string) => (cell.includes(delimiter) ? `"${cell}"` : cell);
  return [CLERK_HEADER, ...prefixed(CLERK_ROWS, prefix)].map((r) => r.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

export async function clerkWorkbook(prefix = 'HS-'): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const files = workbook.addWorksheet('HỒ SƠ');
  files.addRow(CLERK_HEADER);
  for (const row of prefixed(CLERK_ROWS, prefix)) files.addRow(row);
  // A date cell and a numeric income as Excel keeps them, not as text.
  files.getCell('D3').value = new Date(Date.UTC(1985, 0, 20));
  files.getCell('G3').value = 9_500_000;
  const members = workbook.addWorksheet('Thanh vien ho');
  members.addRow(MEMBER_HEADER);
  for (const row of prefixed(MEMBER_ROWS, prefix)) members.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

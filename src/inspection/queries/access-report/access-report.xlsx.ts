import { loadExcelJS } from '../../../shared/spreadsheet/exceljs';
import type { AccessReportView } from './access-report.view';

/** The report as a workbook, Vietnamese headers, dates as DD/MM/YYYY HH:mm (UTC+7) the way a citizen reads them. */
export async function accessReportWorkbook(report: AccessReportView): Promise<Buffer> {
  const book = new (await loadExcelJS()).Workbook();
  const sheet = book.addWorksheet('Truy cập dữ liệu');
  sheet.addRow([`Báo cáo truy cập dữ liệu cá nhân — Số CCCD ${report.citizenId}`]);
  sheet.addRow([]);
  sheet.addRow(['Thời điểm', 'Người đọc', 'Vai trò', 'Tỉnh', 'Mục đích (điểm truy cập)', 'Nội dung', 'Mã sự kiện']).font = { bold: true };
  for (const r of report.reads) sheet.addRow([vnTime(r.at), r.subject, r.role, r.province ?? '', r.endpoint, r.ids.join(', '), r.eventId]);
  sheet.columns.forEach((column, i) => (column.width = [20, 28, 12, 8, 44, 40, 38][i]));
  return Buffer.from(await book.xlsx.writeBuffer());
}

function vnTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${p(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

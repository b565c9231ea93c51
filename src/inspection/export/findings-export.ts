import { allFindings, type FindingFilter, type ReadModels } from '../findings/finding-rows';
import type { FindingView } from '../findings/finding.view';
import { loadExcelJS } from '../../shared/spreadsheet/exceljs';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FindingsExport {
  filename: string;
  contentType: string;
  body: Buffer;
  /** What went out, for the record of the read. */
  findings: FindingView[];
}

/** One row per finding: what it is, whom it names, the evidence event ids, and its latest review; headers in Vietnamese (boards and inspectors read the file), codes as the API has them. */
const COLUMNS: { header: string; width: number; value: (f: FindingView) => string }[] = [
  { header: 'Mã phát hiện', width: 44, value: (f) => f.id },
  { header: 'Bộ phát hiện', width: 28, value: (f) => f.detector },
  { header: 'Mức độ', width: 9, value: (f) => f.severity },
  { header: 'Mã tỉnh', width: 9, value: (f) => f.provinceCode ?? '' },
  { header: 'Trạng thái', width: 8, value: (f) => f.status },
  { header: 'Số CCCD', width: 28, value: (f) => f.citizenIds.join(' ') },
  { header: 'Tóm tắt', width: 60, value: (f) => f.summary },
  { header: 'Sự kiện bằng chứng', width: 80, value: (f) => f.evidence.map((e) => e.eventId).join(' ') },
  { header: 'Luồng bằng chứng', width: 60, value: (f) => f.evidence.map((e) => e.stream).join(' ') },
  { header: 'Sự kiện phát hiện đầu tiên', width: 38, value: (f) => f.firstSeenEventId },
  { header: 'Vị trí phát hiện đầu tiên', width: 16, value: (f) => f.firstSeenPosition },
  { header: 'Sự kiện đóng', width: 38, value: (f) => f.closedByEventId ?? '' },
  { header: 'Kết luận xem xét', width: 10, value: (f) => f.review?.verdict ?? '' },
  { header: 'Ghi chú xem xét', width: 60, value: (f) => f.review?.note ?? '' },
  { header: 'Người xem xét', width: 20, value: (f) => f.review?.reviewedBy ?? '' },
  { header: 'Thời điểm xem xét', width: 26, value: (f) => f.review?.reviewedAt ?? '' },
];

/** The findings export of the API and of `noxh findings export`: the same file from both. */
export async function buildFindingsExport(db: ReadModels, filter: FindingFilter, format: ExportFormat, now: Date): Promise<FindingsExport> {
  const findings = await allFindings(db, filter);
  const stamp = now.toISOString().slice(0, 10);
  const scope = filter.provinces ? `-${filter.provinces.join('-')}` : '';
  const filename = `noxh-findings${scope}-${stamp}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: toCsv(findings), findings };
  return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(findings), findings };
}

/**
 * RFC 4180 with CRLF, behind a UTF-8 byte-order mark: without it Excel reads the file as the
 * local code page and "Nguyễn" turns to mojibake.
 */
function toCsv(findings: FindingView[]): Buffer {
  const lines = [COLUMNS.map((c) => c.header), ...findings.map((f) => COLUMNS.map((c) => c.value(f)))].map((cells) => cells.map(csvCell).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function csvCell(value: string): string {
  // A cell starting with = + - @ is a formula to a spreadsheet; notes are free text (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

async function toXlsx(findings: FindingView[]): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.creator = 'NOXH Ledger';
  const sheet = workbook.addWorksheet('Phát hiện', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  // Every cell a string: ids of 12 digits must not become numbers (and lose their leading 0).
  for (const finding of findings) sheet.addRow(COLUMNS.map((c) => c.value(finding)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

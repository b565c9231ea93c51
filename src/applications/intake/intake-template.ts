import type { Worksheet } from 'exceljs';
import { loadExcelJS } from '../../shared/spreadsheet/exceljs';
import { CATEGORY_CODES, CATEGORY_NAMES_VI } from './category-names';
import { APPLICATION_COLUMNS, APPLICATIONS_SHEET, MEMBER_COLUMNS, MEMBERS_SHEET } from './intake-columns';

/** One filled file, so a clerk sees how each cell is typed; importing the template as is submits it. */
const EXAMPLE_APPLICATION = ['HS-0001', '031190001234', 'Nguyễn Thị Lan', '12/04/1990', 'Nữ', CATEGORY_NAMES_VI.worker, '12.000.000', 'mua', 'Không', '', '15/09/2025'];
const EXAMPLE_MEMBER = ['HS-0001', '031088004321', 'Trần Văn Hùng', '03/11/1988', 'Nam', 'chồng'];

/** The coded columns' lists, on a hidden sheet the data validations point at (a list typed inline is capped at 255 characters). */
const LISTS: Record<string, readonly string[]> = {
  'Giới tính': ['Nam', 'Nữ'],
  'Đối tượng': CATEGORY_CODES.map((code) => CATEGORY_NAMES_VI[code]),
  'Hình thức': ['mua', 'thuê', 'thuê mua'],
  'Sở hữu nhà ở': ['Có', 'Không'],
  'Quan hệ': ['vợ', 'chồng', 'con', 'bố', 'mẹ', 'khác'],
};
const LIST_SHEET = 'Danh mục';
// exceljs writes one validation per cell (its range form is untyped): a thousand rows is a board’s batch and keeps the file small.
const VALIDATED_ROWS = 1000;

/** `noxh import template`: the two sheets of API.md "Bulk intake", with an example row and drop-down lists for the coded columns. */
export async function intakeTemplate(): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  const applications = workbook.addWorksheet(APPLICATIONS_SHEET);
  const members = workbook.addWorksheet(MEMBERS_SHEET);
  const lists = workbook.addWorksheet(LIST_SHEET, { state: 'hidden' });
  const ranges = new Map<string, string>();
  Object.entries(LISTS).forEach(([label, values], index) => {
    const column = lists.getColumn(index + 1);
    column.values = [label, ...values];
    const letter = column.letter;
    ranges.set(label, `'${LIST_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`);
  });
  fill(applications, Object.values(APPLICATION_COLUMNS).map((c) => c.label), EXAMPLE_APPLICATION, ranges);
  fill(members, Object.values(MEMBER_COLUMNS).map((c) => c.label), EXAMPLE_MEMBER, ranges);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function fill(sheet: Worksheet, labels: string[], example: string[], ranges: Map<string, string>): void {
  sheet.addRow(labels).font = { bold: true };
  sheet.addRow(example);
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  labels.forEach((label, index) => {
    const column = sheet.getColumn(index + 1);
    column.width = Math.max(14, label.length + 4);
    // Ids and dates stay text: Excel would drop an id's leading zero and re-format a date.
    column.numFmt = '@';
    const range = ranges.get(label);
    if (!range) return;
    for (let row = 2; row <= VALIDATED_ROWS; row += 1) {
      sheet.getCell(row, index + 1).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [range],
        showErrorMessage: true,
        errorTitle: label,
        error: `Chọn một giá trị trong danh sách của cột '${label}'`,
      };
    }
  });
}

import { UnreadableSpreadsheet } from '../../shared/spreadsheet/decode-text';
import { loadExcelJS } from '../../shared/spreadsheet/exceljs';
import { readSpreadsheet } from './read-spreadsheet';

/**
 * A template-like workbook saved without compression, then with `from` replaced by `to` (same
 * length, and exceljs does not check the zip's checksums), as a broken save or a hand-made file
 * leaves one.
 */
async function workbookWith(replacements: ReadonlyArray<readonly [string, string]>): Promise<Buffer> {
  const workbook = new (await loadExcelJS()).Workbook();
  workbook.addWorksheet('Hồ sơ').addRow(['Số CCCD', 'Họ và tên']);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } }));
  let text = bytes.toString('latin1');
  for (const [from, to] of replacements) {
    if (from.length !== to.length || !text.includes(from)) throw new Error(`cannot replace ${from}`);
    text = text.replaceAll(from, to);
  }
  return Buffer.from(text, 'latin1');
}

describe('readSpreadsheet: a malformed .xlsx', () => {
  it.each([
    ['a worksheet part that is no worksheet', [['<worksheet ', '<worksheeX '], ['</worksheet>', '</worksheeX>']]],
    ['a workbook part that is not XML', [['<workbook ', '<<orkbook ']]],
  ] as const)('with %s is refused in Vietnamese, saying nothing of the library inside', async (_, replacements) => {
    const error: unknown = await readSpreadsheet(await workbookWith(replacements)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UnreadableSpreadsheet);
    const { messageVi, message } = error as UnreadableSpreadsheet;
    expect(messageVi).toMatch(/^tệp \.xlsx bị hỏng/);
    // exceljs' own words ("Cannot set properties of undefined (setting 'sheetNo')") stay in `cause`, for a log.
    expect(message).not.toMatch(/undefined|sheetNo|root node|Cannot/);
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UnreadableSpreadsheet } from './decode-text';
import { loadExcelJS } from './exceljs';
import { readCsv } from './read-csv';
import { readRecords, type SheetRecord } from './read-records';

describe('readRecords: files as clerks save them', () => {
  let dir: string;
  const file = async (name: string, bytes: Buffer) => {
    const path = join(dir, name);
    await writeFile(path, bytes);
    return path;
  };
  const all = async (batches: AsyncGenerator<{ records: SheetRecord[] }>) => {
    const out: [number, readonly unknown[]][] = [];
    for await (const batch of batches) out.push(...batch.records.map((r): [number, readonly unknown[]] => [r.line, r.fields]));
    return out;
  };
  const text = 'Số CCCD;Họ và tên;Ngày sinh\r\n031190001234;Nguyễn Thị Hồng;12/04/1990\r\n031088004321;"Trần; Văn Hùng";03/11/1988\r\n';
  const expected = [
    [1, ['Số CCCD', 'Họ và tên', 'Ngày sinh']],
    [2, ['031190001234', 'Nguyễn Thị Hồng', '12/04/1990']],
    [3, ['031088004321', 'Trần; Văn Hùng', '03/11/1988']],
  ];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'noxh-records-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it.each([
    ['UTF-8', Buffer.from(text, 'utf8')],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16LE without one', Buffer.from(text, 'utf16le')],
    ['UTF-16BE with a byte order mark', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ])('reads %s, `;` separated, the same in chunks of 1, 7 and 1 MiB bytes', async (name, bytes) => {
    const path = await file(`${name}.csv`, bytes);
    for (const size of [1, 7, 1 << 20]) expect(await all(readCsv(path, size))).toEqual(expected);
    expect(await all(readRecords(path))).toEqual(expected);
  });

  it('takes the delimiter from the header line: a tab, and a comma where the header has most', async () => {
    expect(await all(readCsv(await file('tab.txt', Buffer.from('a\tb\tc,d\n1\t2\t3,4\n')), 3))).toEqual([[1, ['a', 'b', 'c,d']], [2, ['1', '2', '3,4']]]);
    expect(await all(readCsv(await file('comma.csv', Buffer.from('a,b;c\n1,2;3')), 3))).toEqual([[1, ['a', 'b;c']], [2, ['1', '2;3']]]);
  });

  it('refuses bytes that are not text rather than reading them as U+FFFD', async () => {
    const latin1 = await file('latin1.csv', Buffer.from('Số CCCD,Họ tên\n1,Nguy\xe9n\n', 'latin1'));
    await expect(all(readRecords(latin1))).rejects.toThrow(UnreadableSpreadsheet);
  });

  it('streams the first sheet of an .xlsx: typed cells, empty cells as null to the header width, blank rows skipped, rows by their number', async () => {
    const workbook = new (await loadExcelJS()).Workbook();
    const sheet = workbook.addWorksheet('Dân cư');
    sheet.addRow(['Số CCCD', 'Họ và tên', 'Ngày sinh', 'Ghi chú']);
    sheet.addRow([31190001234, 'Nguyễn Thị Hồng', new Date(Date.UTC(1990, 3, 12))]);
    sheet.addRow([]);
    sheet.getCell('A4').value = '031088004321';
    sheet.getCell('C4').value = { formula: '1+1', result: 2 };
    workbook.addWorksheet('Khác').addRow(['not read']);
    const path = await file('dan-cu.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(await all(readRecords(path))).toEqual([
      [1, ['Số CCCD', 'Họ và tên', 'Ngày sinh', 'Ghi chú']],
      [2, [31190001234, 'Nguyễn Thị Hồng', new Date(Date.UTC(1990, 3, 12)), null]],
      [4, ['031088004321', null, 2, null]],
    ]);
  });
});

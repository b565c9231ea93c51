import { expect } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';
import { POPULATION_HEADER } from '../../src/population/extract/population-row';
import { generatedId, landCsv, populationCsv } from '../support/registry-extracts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { assertCliBuilt, runCli } from '../support/built-cli';

/**
 * `noxh registry import|use|list` and `noxh land-registry import|use|list`, the built CLI (run `npx tsc -p
 * tsconfig.json` before running this file alone) against a test database given as DATABASE_URL.
 */
describe('noxh registry and noxh land-registry: import, use, list', () => {
  let db: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const noxh = (...args: string[]) => runCli(env, ...args);
  const file = async (name: string, text: string | Buffer) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const current = async (kind: string) => (await db.pool.query<{ id: string }>('SELECT snapshot_id AS id FROM registry_current WHERE kind = $1', [kind])).rows.at(0)?.id;
  const snapshots = async () => Number((await db.pool.query<{ n: string }>('SELECT count(*) AS n FROM registry_snapshots')).rows[0].n);

  beforeAll(async () => {
    assertCliBuilt();
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'noxh-registry-cli-'));
    env = { ...process.env, DATABASE_URL: db.url, DATA_DIR: dir, EVENT_STORE: 'postgres', LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports with exit 0 and a summary naming the snapshot, rows and rows/s; the snapshot is current', async () => {
    const result = await noxh('registry', 'import', await file('good.csv', populationCsv(20, 5000)));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^population: bản trích lục (\d+): nhập 20 dòng, từ chối 0 dòng, trong \d+\.\d s \(\d+ dòng\/s\)\npopulation: bản trích lục \1 đang được dùng\n$/);
  });

  it('with rejected rows: lists them, keeps the snapshot but not as current, exit 1 saying how to accept it', async () => {
    const text = `${populationCsv(50)}${generatedId(900)},Bad Row,1990-01-01,male,alive,,031,,,,\n`;
    const path = await file('people.csv', text);
    const result = await noxh('registry', 'import', path);
    expect(result.code).toBe(1);
    const id = /^population: bản trích lục (\d+): nhập 50 dòng, từ chối 1 dòng, trong \d+\.\d s \(\d+ dòng\/s\)\n/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(result.stdout).toContain("dòng bị từ chối (20 lỗi đầu tiên):\ndòng 52: cột 'permanent_province': '031' không phải mã tỉnh 2 chữ số\n");
    expect(result.stderr).toBe(
      `noxh: 1 dòng bị từ chối: bản trích lục ${id} được giữ lại nhưng không được dùng. Để vẫn dùng: noxh registry import ${path} --accept-rejected (hoặc: noxh registry use ${id})\n`,
    );
    expect(await current('population')).not.toBe(id);

    const accepted = await noxh('registry', 'import', path, '--accept-rejected');
    expect(accepted).toMatchObject({
      code: 0,
      stdout: `population: tệp đã được nhập trước đây thành bản trích lục ${id} (50 dòng, 1 bị từ chối): không ghi dòng nào\npopulation: bản trích lục ${id} đang được dùng (đã chấp nhận 1 dòng bị từ chối)\n`,
    });
    expect(await current('population')).toBe(id);
  });

  it('registry list marks the current snapshot; registry use goes back to an earlier one', async () => {
    const list = await noxh('registry', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ +bản trích lục +nhập lúc \(UTC\) +số dòng +bị từ chối +sha256 của tệp$/);
    expect(lines.slice(1).map((l) => l.replace(/ +/g, ' ').split(' ').slice(0, 1).join(''))).toEqual(['', '*']);
    const [first, second] = lines.slice(1).map((l) => /(\d+) +\d{4}-\d\d-\d\dT[\d:]+Z +(\d+) +(\d+) +[0-9a-f]{16}$/.exec(l)?.slice(1));
    expect([first?.slice(1), second?.slice(1)]).toEqual([['20', '0'], ['50', '1']]);

    const use = await noxh('registry', 'use', first?.[0] ?? '');
    expect(use).toMatchObject({ code: 0, stdout: `population: bản trích lục ${first?.[0]} đang được dùng (thay cho ${second?.[0]})\n` });
    expect(await current('population')).toBe(first?.[0]);
    const unknown = await noxh('registry', 'use', '999999');
    expect(unknown).toMatchObject({ code: 1, stderr: 'noxh: population: không có bản trích lục 999999 (xem `noxh registry list`)\n' });
    expect(await current('population')).toBe(first?.[0]);
  });

  it('exit 1 and nothing written when the file cannot be read or its header is wrong', async () => {
    const before = await snapshots();
    const missing = await noxh('registry', 'import', join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: không đọc được tệp .*nope\.csv: ENOENT\n$/) });
    const wrong = await noxh('land-registry', 'import', await file('wrong.csv', populationCsv(3)));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toBe(
      ['Mã tỉnh', 'Thửa đất', 'Số giấy chứng nhận', 'Diện tích sàn', 'Ngày đăng ký']
        .map((label) => `${label === 'Mã tỉnh' ? 'noxh: ' : ''}dòng 1: cột '${label}' không có; có: ${POPULATION_HEADER.join(', ')}\n`)
        .join('') + 'không nhập gì (nothing imported)\n',
    );
    expect(await snapshots()).toBe(before);
  });

  it('land-registry import, use and list: certificates as land snapshots', async () => {
    const first = await noxh('land-registry', 'import', await file('land.csv', landCsv([[generatedId(1), '30', 'P-1', 'CT-1', '54.5', '2019-06-01']])));
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^land: bản trích lục \d+: nhập 1 dòng, từ chối 0 dòng, trong/) });
    const firstId = await current('land');
    const partial = await noxh('land-registry', 'import', await file('land-2.csv', landCsv([[generatedId(2), '30', 'P-2', 'CT-2', '', ''], [generatedId(3), '3x', 'P-3', 'CT-3', '', '']])));
    expect(partial).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: 1 dòng bị từ chối: bản trích lục \d+ được giữ lại nhưng không được dùng\. Để vẫn dùng: noxh land-registry import /) });
    expect(await current('land')).toBe(firstId);
    const partialId = /bản trích lục (\d+):/.exec(partial.stdout)?.[1] ?? '';
    expect(await noxh('land-registry', 'use', partialId)).toMatchObject({ code: 0, stdout: `land: bản trích lục ${partialId} đang được dùng (thay cho ${firstId})\n` });
    expect((await noxh('land-registry', 'list')).stdout).toMatch(new RegExp(`\\n\\* +${partialId} `));
    // A population snapshot is not a land one.
    expect(await noxh('land-registry', 'use', (await current('population')) ?? '')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: land: không có bản trích lục \d+/) });
  });

  describe('extracts as clerks keep them', () => {
    const people = async () =>
      (
        await db.pool.query<{ citizen_id: string; full_name: string; dob: string; gender: string; status: string; permanent_province: string | null; spouse: string | null }>(
          `SELECT citizen_id, full_name, to_char(date_of_birth, 'YYYY-MM-DD') AS dob, gender, status, permanent_province, spouse_citizen_id AS spouse
           FROM registry_people WHERE snapshot_id = (SELECT snapshot_id FROM registry_current WHERE kind = 'population') ORDER BY citizen_id`,
        )
      ).rows;

    it('imports an .xlsx with Vietnamese headers in another order, its ids typed as numbers and its dates as dates', async () => {
      const workbook = new (await loadExcelJS()).Workbook();
      const sheet = workbook.addWorksheet('Dân cư');
      sheet.addRow(['Họ và tên', 'Ngày sinh', 'Giới tính', 'SỐ CCCD', 'Tình trạng', 'Ngày mất', 'Tỉnh thường trú', 'Tỉnh tạm trú', 'Mã hộ', 'Quan hệ với chủ hộ', 'Số CCCD vợ/chồng', 'Ghi chú']);
      sheet.addRow(['Nguyễn Thị Hồng', new Date(Date.UTC(1990, 3, 12)), 'Nữ', Number(generatedId(701)), 'còn sống', null, 31, null, 'HH-7', 'chủ hộ', generatedId(702), 'đã xác minh']);
      sheet.addRow(['Trần Văn Hùng', '03/11/1988', 'Nam', generatedId(702), 'đã mất', '01/02/2024', '31', '', 'HH-7', 'chồng', '', '']);
      const path = await file('dan-cu.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
      const result = await noxh('registry', 'import', path);
      expect(result).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/^population: bản trích lục \d+: nhập 2 dòng, từ chối 0 dòng/) });
      expect(await people()).toEqual([
        { citizen_id: generatedId(702), full_name: 'Trần Văn Hùng', dob: '1988-11-03', gender: 'male', status: 'deceased', permanent_province: '31', spouse: null },
        { citizen_id: generatedId(701), full_name: 'Nguyễn Thị Hồng', dob: '1990-04-12', gender: 'female', status: 'alive', permanent_province: '31', spouse: generatedId(702) },
      ]);
    });

    it('imports a land extract saved by a Vietnamese Excel: `;` separated, UTF-8 with a byte order mark, decimal commas; row errors in Vietnamese name the column as headed', async () => {
      const text = [
        'Số CCCD;Mã tỉnh;Thửa đất;Số giấy chứng nhận;Diện tích sàn;Ngày đăng ký',
        `${generatedId(711)};30;Thửa 12, tờ 3;CT-711;54,5;01/06/2019`,
        `${generatedId(712)};3x;P-2;CT-712;;`,
      ].join('\r\n');
      const path = await file('dat-dai.csv', `\uFEFF${text}\r\n`);
      const result = await noxh('land-registry', 'import', path, '--accept-rejected');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("dòng 3: cột 'Mã tỉnh': '3x' không phải mã tỉnh 2 chữ số\n");
      const { rows } = await db.pool.query<{ citizen_id: string; province_code: string; parcel: string; area: string; registered: string }>(
        `SELECT citizen_id, province_code, parcel, floor_area_m2::text AS area, to_char(registered_at, 'YYYY-MM-DD') AS registered
         FROM land_certificates WHERE snapshot_id = (SELECT snapshot_id FROM registry_current WHERE kind = 'land')`,
      );
      expect(rows).toEqual([{ citizen_id: generatedId(711), province_code: '30', parcel: 'Thửa 12, tờ 3', area: '54.50', registered: '2019-06-01' }]);
    });

    it('imports a UTF-16 "Unicode text" file (tab separated, as Excel saves it) with its Vietnamese intact', async () => {
      const text = populationCsv(4, 720).replace(/,/g, '\t').replace('"Nguyễn\t Thị ""Lan"" 720"', '"Nguyễn, Thị ""Lan"" 720"');
      const path = await file('dan-cu-unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const result = await noxh('registry', 'import', path);
      expect(result).toMatchObject({ code: 0, stderr: '', stdout: expect.stringMatching(/: nhập 4 dòng, từ chối 0 dòng/) });
      expect((await people()).map((p) => p.full_name).sort()).toEqual(['Nguyễn, Thị "Lan" 720', 'Trần Văn 721', 'Trần Văn 722', 'Trần Văn 723']);
    });

    it('names a wrong header precisely in Vietnamese, listing the columns found, and writes nothing', async () => {
      const before = await snapshots();
      const header = 'Số CCCD;Họ và tên;Ngày sinh nhật;Giới tính;Tình trạng;Ngày mất;Tỉnh thường trú;Tỉnh tạm trú;Mã hộ;Quan hệ với chủ hộ;Số CCCD vợ/chồng';
      const result = await noxh('registry', 'import', await file('sai-tieu-de.csv', `${header}\n${generatedId(730)};Lê Văn A;01/01/1990;Nam;còn sống;;31;;;;\n`));
      expect(result).toMatchObject({
        code: 1,
        stderr: `noxh: dòng 1: cột 'Ngày sinh' không có; có: ${header.split(';').join(', ')}\nkhông nhập gì (nothing imported)\n`,
      });
      expect(await snapshots()).toBe(before);
    });
  });
});

import { expect } from '@jest/globals';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findingId } from '../../projections/ledger/reconcile-findings';
import { loadExcelJS } from '../../src/shared/spreadsheet/exceljs';
import { board, LedgerHarness, person, submitted } from '../support/ledger-harness';
import { assertCliBuilt, runCli } from '../support/built-cli';

/**
 * The built CLI (`npm test` builds dist/ first; run `npx tsc -p tsconfig.json` before running this
 * file alone) against a test database given as DATABASE_URL, as an operator would run it.
 */
describe('noxh verify, projections rebuild, findings export', () => {
  let h: LedgerHarness;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const noxh = (...args: string[]) => runCli(env, ...args);
  const eventCount = async () => Number((await h.db.pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0].n);
  const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');

  beforeAll(async () => {
    assertCliBuilt();
    h = await LedgerHarness.start();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-cli-'));
    env = { ...process.env, DATABASE_URL: h.db.url, DATA_DIR: dataDir, EVENT_STORE: 'postgres', LOG_LEVEL: 'silent' };
    await h.write('application-cli-1', [submitted(lan, { applicationId: 'cli-1', projectId: 'hp-1', provinceCode: '31' })]);
    await h.write('application-cli-2', [submitted(lan, { applicationId: 'cli-2', projectId: 'kh-1', provinceCode: '56' })], board('56'));
  });
  afterAll(async () => {
    await h.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('verify: "ok: đã kiểm tra N sự kiện" and exit 0 on an untouched log', async () => {
    const result = await noxh('verify');
    expect(result).toMatchObject({ code: 0, stdout: `ok: đã kiểm tra ${await eventCount()} sự kiện\n` });
  });

  it('projections rebuild: every projection from the whole log, printing totals and events/s', async () => {
    const result = await noxh('projections', 'rebuild');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ledger: đã dựng lại từ 2 sự kiện trong \d+\.\d s \(\d+ sự kiện\/s\)\nfinding-reviews: đã dựng lại từ 2 sự kiện trong \d+\.\d s \(\d+ sự kiện\/s\)\n$/);
    expect(await h.findings('duplicate-applicant')).toEqual([expect.objectContaining({ citizen_ids: [lan.citizenId], status: 'open' })]);

    const one = await noxh('projections', 'rebuild', 'ledger');
    expect(one.stdout).toMatch(/^ledger: đã dựng lại từ 2 sự kiện/);
    expect(one.stdout).not.toMatch(/finding-reviews/);
  });

  it('projections rebuild: exit 1 for an unknown name, or while another process runs the projection', async () => {
    expect(await noxh('projections', 'rebuild', 'nope')).toMatchObject({ code: 1, stderr: 'noxh: không có phép chiếu (projection) "nope": chọn một trong ledger, finding-reviews\n' });
    const holder = new Client({ connectionString: h.db.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('projection:ledger', 0))`);
      const locked = await noxh('projections', 'rebuild', 'ledger');
      expect(locked).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: phép chiếu ledger đang được một tiến trình khác chạy; dừng dịch vụ/) });
    } finally {
      await holder.end();
    }
  });

  it('findings export: CSV and XLSX files with the evidence event ids, the export recorded as a personal-data read', async () => {
    const [first] = await h.store.readStream('application-cli-1');
    const csvFile = join(dataDir, 'findings.csv');
    const csv = await noxh('findings', 'export', '--format', 'csv', '--out', csvFile);
    expect(csv).toMatchObject({ code: 0, stdout: `đã ghi 1 phát hiện vào ${csvFile}\n` });
    const text = await readFile(csvFile, 'utf8');
    expect(text.startsWith('\uFEFFMã phát hiện,Bộ phát hiện,')).toBe(true);
    const rows = text.trimEnd().split('\r\n');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(findingId('duplicate-applicant', lan.citizenId, 'citizen'));
    expect(rows[1]).toContain(first.eventId);

    const xlsxFile = join(dataDir, 'findings.xlsx');
    expect((await noxh('findings', 'export', '--format', 'xlsx', '--province', '56', '--out', xlsxFile)).code).toBe(0);
    const workbook = new (await loadExcelJS()).Workbook();
    await workbook.xlsx.readFile(xlsxFile);
    expect(workbook.getWorksheet('Phát hiện')?.getRow(2).getCell(6).value).toBe(lan.citizenId);
    expect((await noxh('findings', 'export', '--format', 'csv', '--province', '31', '--out', '-')).stdout.trimEnd().split('\r\n')).toHaveLength(1);

    const day = new Date().toISOString().slice(0, 10);
    const recorded = await h.store.readStream(`audit-reads-${day}`);
    expect(recorded.map((e) => e.data)).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ subject: expect.stringMatching(/^cli:/), role: 'admin' }), what: expect.objectContaining({ endpoint: 'noxh findings export --format csv', citizenIds: [lan.citizenId] }) }),
      expect.objectContaining({ what: expect.objectContaining({ endpoint: 'noxh findings export --format xlsx --province 56' }) }),
    ]);
    expect(await noxh('findings', 'export', '--format', 'pdf')).toMatchObject({ code: 1, stderr: 'noxh: --format phải là một trong csv, xlsx\n' });
    expect(await noxh('findings', 'export', '--format', 'csv', '--province', 'HP')).toMatchObject({ code: 1, stderr: 'noxh: --province phải là mã tỉnh 2 chữ số\n' });
  });

  it('evidence export and verify: the bundle written, then checked offline line by line in Vietnamese', async () => {
    const id = findingId('duplicate-applicant', lan.citizenId, 'citizen');
    const file = join(dataDir, 'evidence.json');
    expect(await noxh('evidence', 'export', id, '--out', file)).toMatchObject({ code: 0, stdout: `đã ghi gói bằng chứng của phát hiện ${id} vào ${file}\n` });
    const unpinned = await noxh('evidence', 'verify', file);
    expect(unpinned.code).toBe(0);
    expect(unpinned.stdout).toMatch(/^WARN khóa chưa được ghim \(unpinned\): đang tin khóa do chính gói bằng chứng mang theo [0-9a-f]{16};/);
    expect(unpinned.stdout).toMatch(/\nok {3}sự kiện \S+ ApplicationSubmitted \(application-cli-1 #0\) là lá \(leaf\) \d+ của điểm kiểm tra\n/);
    expect(unpinned.stdout).toMatch(/\nok: gói bằng chứng nhất quán, nhưng khóa chưa được ghim \(unpinned, keyId [0-9a-f]{16}\); dùng --public-key để chứng minh nguồn gốc\n$/);

    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('Nguyễn Thị Lan', 'Nguyễn Thị Lân'));
    const edited = await noxh('evidence', 'verify', file);
    expect(edited).toMatchObject({ code: 1, stderr: `noxh: ${file}: gói bằng chứng không qua được kiểm tra\n` });
    expect(edited.stdout).toMatch(/\nFAIL sự kiện \S+: nội dung không băm ra [0-9a-f]{64}\n$/);
    await writeFile(file, JSON.stringify(JSON.parse(text), null, 2));
    expect((await noxh('evidence', 'verify', file)).stdout).toBe('FAIL tệp không còn ở dạng chuẩn tắc (canonical) như khi được ghi: tệp đã bị sửa\n');
    expect(await noxh('evidence', 'verify', join(dataDir, 'none.json'))).toMatchObject({ code: 1, stderr: `noxh: không đọc được tệp: ${join(dataDir, 'none.json')} (ENOENT)\n` });
  }, 180_000); // five runs of the CLI, each starting Node and Nest

  it('import applications: a refusal of the ledger in the board’s Vietnamese, its code and English beside it', async () => {
    const file = join(dataDir, 'ho-so.csv');
    await writeFile(file, 'Mã hồ sơ,Số CCCD\n');
    const result = await noxh('import', 'applications', file, '--project', 'hp-none', '--officer', 'Lê Văn A');
    expect(result).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: PROJECT_NOT_FOUND: Không tìm thấy dự án \(.*hp-none.*\)\n$/) });
  });

  it('verify: exit 1 naming the first altered event (stream, revision, event id, reason)', async () => {
    const [altered] = await h.store.readStream('application-cli-1');
    const client = await h.db.pool.connect();
    try {
      // The trigger refusing UPDATE is bypassed the way someone with database access would.
      await client.query('SET session_replication_role = replica');
      await client.query(`UPDATE events SET data = jsonb_set(data, '{monthlyIncomeVnd}', '9000000') WHERE event_id = $1`, [altered.eventId]);
    } finally {
      await client.query('RESET session_replication_role');
      client.release();
    }
    const result = await noxh('verify');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`bị sửa (altered): luồng application-cli-1 phiên bản 0 sự kiện ${altered.eventId}`);
    expect(result.stdout).toContain('nội dung không khớp với mã băm: sự kiện đã bị sửa');
  });
});

describe('noxh commands that need no database', () => {
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  const noxh = (...args: string[]) => runCli(env, ...args);

  beforeAll(async () => {
    assertCliBuilt();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-cli-'));
    env = { ...process.env, DATA_DIR: dataDir, JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://nowhere.invalid:1/none', LOG_LEVEL: 'silent' };
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('--help: titles, commands and options in Vietnamese; a usage error too', async () => {
    const help = await noxh('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Cách dùng: /);
    expect(help.stdout).toContain('\nLệnh:\n');
    expect(help.stdout).toMatch(/\n {2}verify \[options\] +Kiểm tra mọi chuỗi băm và điểm kiểm tra \(checkpoint\) đã ký/);
    expect(help.stdout).toMatch(/\n {2}-h, --help +hiển thị trợ giúp của lệnh\n/);
    const token = await noxh('token', '--help');
    expect(token.stdout).toContain('\nTùy chọn:\n');
    expect(token.stdout).toMatch(/--ttl <duration> +thời hạn, ví dụ 30m, 8h, 7d \(mặc định: "8h"\)/);
    expect(await noxh('findings', 'export')).toMatchObject({ code: 1, stderr: "lỗi: chưa có tùy chọn bắt buộc '--format <format>'\n" });
  });

  it('token: a refused request in one Vietnamese line, exit 1', async () => {
    expect(await noxh('token', '--role', 'board')).toMatchObject({ code: 1, stdout: '', stderr: 'noxh: token vai trò board cần --province\n' });
    expect(await noxh('token', '--role', 'police', '--province', '31', '--ttl', 'forever')).toMatchObject({ code: 1, stderr: 'noxh: thời hạn (ttl) phải có dạng 30m, 8h hoặc 7d (nhận được "forever")\n' });
  });

  it('keys rotate: names the new signing key and the old one kept trusted', async () => {
    const result = await noxh('keys', 'rotate');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^đã đổi khóa ký: từ nay các điểm kiểm tra được ký bằng khóa [0-9a-f]{16}; khóa [0-9a-f]{16} vẫn được tin cậy cho các điểm kiểm tra nó đã ký\n$/);
  });

  it('lottery seed and verify: labelled lines, and a file that is not a published lottery refused', async () => {
    expect((await noxh('lottery', 'seed')).stdout).toMatch(/^hạt giống \(seed\): +[0-9a-f]{64}\ncam kết \(commitment\): +[0-9a-f]{64}\n$/);
    const file = join(dataDir, 'not-a-lottery.json');
    await writeFile(file, '{}');
    const result = await noxh('lottery', 'verify', file);
    expect(result).toMatchObject({ code: 1, stderr: 'noxh: kết quả bốc thăm đã công bố không tính lại được\n' });
    expect(result.stdout).toBe('FAIL cấu trúc tệp: không phải kết quả bốc thăm đã công bố: cần có entrants, entrantsHash và commitment\n');
  });
});

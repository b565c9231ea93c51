import { expect } from '@jest/globals';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
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

  it('verify: "ok: N events checked" and exit 0 on an untouched log', async () => {
    const result = await noxh('verify');
    expect(result).toMatchObject({ code: 0, stdout: `ok: ${await eventCount()} events checked\n` });
  });

  it('projections rebuild: every projection from the whole log, printing totals and events/s', async () => {
    const result = await noxh('projections', 'rebuild');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ledger: rebuilt from 2 events in \d+\.\d s \(\d+ events\/s\)\nfinding-reviews: rebuilt from 2 events in \d+\.\d s \(\d+ events\/s\)\n$/);
    expect(await h.findings('duplicate-applicant')).toEqual([expect.objectContaining({ citizen_ids: [lan.citizenId], status: 'open' })]);

    const one = await noxh('projections', 'rebuild', 'ledger');
    expect(one.stdout).toMatch(/^ledger: rebuilt from 2 events/);
    expect(one.stdout).not.toMatch(/finding-reviews/);
  });

  it('projections rebuild: exit 1 for an unknown name, or while another process runs the projection', async () => {
    expect(await noxh('projections', 'rebuild', 'nope')).toMatchObject({ code: 1, stderr: 'noxh: unknown projection "nope": one of ledger, finding-reviews\n' });
    const holder = new Client({ connectionString: h.db.url });
    await holder.connect();
    try {
      await holder.query(`SELECT pg_advisory_lock(hashtextextended('projection:ledger', 0))`);
      const locked = await noxh('projections', 'rebuild', 'ledger');
      expect(locked).toMatchObject({ code: 1, stderr: expect.stringMatching(/Projection ledger is being run by another process/) });
    } finally {
      await holder.end();
    }
  });

  it('findings export: CSV and XLSX files with the evidence event ids, the export recorded as a personal-data read', async () => {
    const [first] = await h.store.readStream('application-cli-1');
    const csvFile = join(dataDir, 'findings.csv');
    const csv = await noxh('findings', 'export', '--format', 'csv', '--out', csvFile);
    expect(csv).toMatchObject({ code: 0, stdout: `wrote 1 findings to ${csvFile}\n` });
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
    expect(await noxh('findings', 'export', '--format', 'pdf')).toMatchObject({ code: 1, stderr: 'noxh: --format must be one of csv, xlsx\n' });
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
    expect(result.stdout).toContain(`altered: stream application-cli-1 revision 0 event ${altered.eventId}`);
    expect(result.stdout).toContain('content does not match its hash: the event was altered');
  });
});

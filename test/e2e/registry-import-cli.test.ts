import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatedId, landCsv, populationCsv } from '../support/registry-extracts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { assertCliBuilt, runCli } from '../support/built-cli';

/**
 * `noxh registry import` and `noxh land-registry import`, the built CLI (run `npx tsc -p
 * tsconfig.json` before running this file alone) against a test database given as DATABASE_URL.
 */
describe('noxh registry import, noxh land-registry import', () => {
  let db: TestDatabase;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  const noxh = (...args: string[]) => runCli(env, ...args);
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
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

  it('imports with exit 0 and a summary naming the snapshot, rows, rejected rows by line and rows/s', async () => {
    const text = `${populationCsv(50)}${generatedId(900)},Bad Row,1990-01-01,male,alive,,031,,,,\n`;
    const result = await noxh('registry', 'import', await file('people.csv', text));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^population: snapshot \d+: 50 rows imported, 1 rejected in \d+\.\d s \(\d+ rows\/s\)\n/);
    expect(result.stdout).toContain('rejected rows (first 20 errors):\nline 52: permanent_province: "031" is not a 2-digit province code\n');

    const again = await noxh('registry', 'import', join(dir, 'people.csv'));
    expect(again).toMatchObject({ code: 0, stdout: expect.stringMatching(/^population: already imported as snapshot \d+ \(50 rows, 1 rejected\): nothing written\n$/) });
  });

  it('exit 1 and nothing written when the file cannot be read or its header is wrong', async () => {
    const before = await snapshots();
    const missing = await noxh('registry', 'import', join(dir, 'nope.csv'));
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: cannot read .*nope\.csv: ENOENT\n$/) });
    const wrong = await noxh('land-registry', 'import', await file('wrong.csv', populationCsv(3)));
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/noxh: line 1: header must be exactly "citizen_id,province_code,parcel,certificate_no,floor_area_m2,registered_at", found "citizen_id,full_name,.*": nothing imported\n$/);
    expect(await snapshots()).toBe(before);
  });

  it('land-registry import: certificates as a land snapshot', async () => {
    const result = await noxh('land-registry', 'import', await file('land.csv', landCsv([[generatedId(1), '30', 'P-1', 'CT-1', '54.5', '2019-06-01']])));
    expect(result).toMatchObject({ code: 0, stdout: expect.stringMatching(/^land: snapshot \d+: 1 rows imported, 0 rejected in/) });
  });
});

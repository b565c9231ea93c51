import { expect } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  const file = async (name: string, text: string) => {
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
    expect(result.stdout).toMatch(/^population: snapshot (\d+): 20 rows imported, 0 rejected in \d+\.\d s \(\d+ rows\/s\)\npopulation: snapshot \1 is current\n$/);
  });

  it('with rejected rows: lists them, keeps the snapshot but not as current, exit 1 saying how to accept it', async () => {
    const text = `${populationCsv(50)}${generatedId(900)},Bad Row,1990-01-01,male,alive,,031,,,,\n`;
    const path = await file('people.csv', text);
    const result = await noxh('registry', 'import', path);
    expect(result.code).toBe(1);
    const id = /^population: snapshot (\d+): 50 rows imported, 1 rejected in \d+\.\d s \(\d+ rows\/s\)\n/.exec(result.stdout)?.[1];
    expect(id).toBeDefined();
    expect(result.stdout).toContain('rejected rows (first 20 errors):\nline 52: permanent_province: "031" is not a 2-digit province code\n');
    expect(result.stderr).toBe(
      `noxh: 1 row rejected: snapshot ${id} is kept but not current. To use it anyway: noxh registry import ${path} --accept-rejected (or: noxh registry use ${id})\n`,
    );
    expect(await current('population')).not.toBe(id);

    const accepted = await noxh('registry', 'import', path, '--accept-rejected');
    expect(accepted).toMatchObject({
      code: 0,
      stdout: `population: already imported as snapshot ${id} (50 rows, 1 rejected): no rows written\npopulation: snapshot ${id} is current (1 row rejected, accepted)\n`,
    });
    expect(await current('population')).toBe(id);
  });

  it('registry list marks the current snapshot; registry use goes back to an earlier one', async () => {
    const list = await noxh('registry', 'list');
    expect(list.code).toBe(0);
    const lines = list.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^ +snapshot +imported at \(UTC\) +rows +rejected +file sha256$/);
    expect(lines.slice(1).map((l) => l.replace(/ +/g, ' ').split(' ').slice(0, 1).join(''))).toEqual(['', '*']);
    const [first, second] = lines.slice(1).map((l) => /(\d+) +\d{4}-\d\d-\d\dT[\d:]+Z +(\d+) +(\d+) +[0-9a-f]{16}$/.exec(l)?.slice(1));
    expect([first?.slice(1), second?.slice(1)]).toEqual([['20', '0'], ['50', '1']]);

    const use = await noxh('registry', 'use', first?.[0] ?? '');
    expect(use).toMatchObject({ code: 0, stdout: `population: snapshot ${first?.[0]} is current (was ${second?.[0]})\n` });
    expect(await current('population')).toBe(first?.[0]);
    const unknown = await noxh('registry', 'use', '999999');
    expect(unknown).toMatchObject({ code: 1, stderr: 'noxh: population: no snapshot 999999 (see `noxh registry list`)\n' });
    expect(await current('population')).toBe(first?.[0]);
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

  it('land-registry import, use and list: certificates as land snapshots', async () => {
    const first = await noxh('land-registry', 'import', await file('land.csv', landCsv([[generatedId(1), '30', 'P-1', 'CT-1', '54.5', '2019-06-01']])));
    expect(first).toMatchObject({ code: 0, stdout: expect.stringMatching(/^land: snapshot \d+: 1 rows imported, 0 rejected in/) });
    const firstId = await current('land');
    const partial = await noxh('land-registry', 'import', await file('land-2.csv', landCsv([[generatedId(2), '30', 'P-2', 'CT-2', '', ''], [generatedId(3), '3x', 'P-3', 'CT-3', '', '']])));
    expect(partial).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: 1 row rejected: snapshot \d+ is kept but not current\. To use it anyway: noxh land-registry import /) });
    expect(await current('land')).toBe(firstId);
    const partialId = /snapshot (\d+):/.exec(partial.stdout)?.[1] ?? '';
    expect(await noxh('land-registry', 'use', partialId)).toMatchObject({ code: 0, stdout: `land: snapshot ${partialId} is current (was ${firstId})\n` });
    expect((await noxh('land-registry', 'list')).stdout).toMatch(new RegExp(`\\n\\* +${partialId} `));
    // A population snapshot is not a land one.
    expect(await noxh('land-registry', 'use', (await current('population')) ?? '')).toMatchObject({ code: 1, stderr: expect.stringMatching(/^noxh: land: no snapshot \d+/) });
  });
});

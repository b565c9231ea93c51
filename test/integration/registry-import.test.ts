import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PoolClient } from 'pg';
import { ExtractHeaderMismatch } from '../../src/population/extract/extract-errors';
import { ExtractLandRegistry } from '../../src/population/extract/extract-land-registry';
import { ExtractPopulationRegistry } from '../../src/population/extract/extract-population-registry';
import { LAND_EXTRACT, POPULATION_EXTRACT } from '../../src/population/extract/extract-schemas';
import { importExtract } from '../../src/population/extract/import-extract';
import { listSnapshots, UnknownSnapshot, useSnapshot } from '../../src/population/extract/registry-snapshots';
import { generatedId, landCsv, populationCsv } from '../support/registry-extracts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

describe('registry extract import', () => {
  let db: TestDatabase;
  let client: PoolClient;
  let dir: string;
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };
  const count = async (sql: string) => Number((await db.pool.query<{ n: string }>(sql)).rows[0].n);

  beforeAll(async () => {
    db = await createTestDatabase();
    client = await db.pool.connect();
    dir = await mkdtemp(join(tmpdir(), 'noxh-registry-'));
  });
  afterAll(async () => {
    client.release();
    await db.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('imports a generated extract in chunks and looks people up in it', async () => {
    const path = await file('people.csv', populationCsv(12_345));
    const report = await importExtract(client, POPULATION_EXTRACT, path, { chunkRows: 1000 });
    expect(report).toMatchObject({ kind: 'population', alreadyImported: false, rows: 12_345, rejected: 0, errors: [] });

    const registry = new ExtractPopulationRegistry(db.pool);
    const { snapshot, people } = await registry.lookup([generatedId(10), generatedId(11), '079090000000']);
    expect(snapshot).toBe(`population-extract-${report.snapshotId}`);
    expect([...people.keys()].sort()).toEqual([generatedId(10), generatedId(11)]);
    expect(people.get(generatedId(10))).toEqual({
      citizenId: generatedId(10),
      fullName: 'Nguyễn, Thị "Lan" 10',
      dateOfBirth: '1990-04-12',
      gender: 'male',
      status: 'alive',
      dateOfDeath: null,
      permanentProvince: '31',
      temporaryProvince: null,
      householdId: 'HH-5',
      relationToHead: 'head',
      spouseCitizenId: generatedId(11),
    });
  });

  it('re-importing the same file writes no rows and reports the existing snapshot', async () => {
    const path = await file('people-again.csv', populationCsv(12_345));
    const before = await count('SELECT count(*) AS n FROM registry_people');
    const report = await importExtract(client, POPULATION_EXTRACT, path);
    expect(report).toMatchObject({ alreadyImported: true, current: true, rows: 12_345, rejected: 0 });
    expect(await count('SELECT count(*) AS n FROM registry_people')).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM registry_snapshots WHERE kind = 'population'`)).toBe(1);
  });

  it('with acceptRejected, reports bad rows by line number and column, skips them, makes the good ones the current snapshot', async () => {
    const [previous] = (await db.pool.query<{ id: string }>(`SELECT id FROM registry_snapshots WHERE kind = 'population'`)).rows;
    const good = populationCsv(3, 100_000).trimEnd().split('\r\n');
    const text = [
      ...good,
      `${generatedId(7)},Lê Văn A,1990-02-30,male,alive,,31,,,,`,
      `${generatedId(8)},"Lê Văn ""B""",1990-01-01,male,deceased,,31,,,,`,
      `${generatedId(9)},short,row`,
      good[1],
      // A unit separator would split the column it is sent in (extract-schemas.ts).
      `${generatedId(12)},Lê\x1fVăn C,1990-01-01,male,alive,,31,,,,`,
    ].join('\n');
    const report = await importExtract(client, POPULATION_EXTRACT, await file('mixed.csv', text), { acceptRejected: true });
    expect(report).toMatchObject({ alreadyImported: false, current: true, rows: 3, rejected: 5 });
    expect(report.errors.map((e) => `line ${e.line}: ${e.column}: ${e.messageEn}`)).toEqual([
      'line 5: date_of_birth: "1990-02-30" is not a real date (YYYY-MM-DD)',
      'line 6: date_of_death: is required',
      'line 7: row: has 3 columns, the header has 11',
      `line 8: citizen_id: ${generatedId(100_000)} already appears on line 2`,
      'line 9: full_name: contains a control character',
    ]);
    expect(report.snapshotId).not.toBe(previous.id);
    const { people, snapshot } = await new ExtractPopulationRegistry(db.pool).lookup([generatedId(100_000), generatedId(7), generatedId(10)]);
    expect(snapshot).toBe(`population-extract-${report.snapshotId}`);
    // The current snapshot is the one read: people only in the first file are unknown to it.
    expect([...people.keys()]).toEqual([generatedId(100_000)]);
  });

  it('a wrong header writes nothing', async () => {
    const snapshots = await count('SELECT count(*) AS n FROM registry_snapshots');
    const people = await count('SELECT count(*) AS n FROM registry_people');
    const text = populationCsv(5, 200_000).replace('citizen_id,full_name', 'citizen_id,name');
    await expect(importExtract(client, POPULATION_EXTRACT, await file('bad-header.csv', text))).rejects.toThrow(ExtractHeaderMismatch);
    await expect(importExtract(client, LAND_EXTRACT, await file('land-as-people.csv', populationCsv(5)))).rejects.toThrow("line 1: column 'Mã tỉnh' is missing; found: citizen_id, full_name,");
    expect(await count('SELECT count(*) AS n FROM registry_snapshots')).toBe(snapshots);
    expect(await count('SELECT count(*) AS n FROM registry_people')).toBe(people);
  });

  it('a database failure in a later chunk leaves nothing half-written', async () => {
    const snapshots = await count('SELECT count(*) AS n FROM registry_snapshots');
    const people = await count('SELECT count(*) AS n FROM registry_people');
    // The third chunk (rows 4-5) fails inside PostgreSQL, after two chunks were inserted.
    const failing = { ...POPULATION_EXTRACT, insertSql: `${POPULATION_EXTRACT.insertSql} WHERE (SELECT CASE WHEN $2::text[] @> ARRAY['${generatedId(300_004)}'] THEN 1 / 0 ELSE 1 END) = 1` };
    await expect(importExtract(client, failing, await file('fails-late.csv', populationCsv(6, 300_000)), { chunkRows: 2 })).rejects.toThrow(/division by zero/);
    expect(await count('SELECT count(*) AS n FROM registry_snapshots')).toBe(snapshots);
    expect(await count('SELECT count(*) AS n FROM registry_people')).toBe(people);
    // The connection is usable again: the transaction was rolled back, not left aborted.
    expect((await client.query<{ ok: number }>('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
  });

  it('a file whose every row is rejected writes nothing', async () => {
    const snapshots = await count('SELECT count(*) AS n FROM registry_snapshots');
    const text = populationCsv(0).concat(`${generatedId(1)},X,1990-01-01,other,alive,,,,,,\n`);
    await expect(importExtract(client, POPULATION_EXTRACT, await file('all-bad.csv', text))).rejects.toThrow('all 1 rows were rejected: nothing imported');
    expect(await count('SELECT count(*) AS n FROM registry_snapshots')).toBe(snapshots);
  });

  it('judges housing on pre-merger boundaries: a certificate in Hải Dương (30) does not count for Hải Phòng (31)', async () => {
    const owner = generatedId(1);
    const other = generatedId(2);
    const text = landCsv([
      [owner, '30', 'P-1', 'CT-30-1', '54.5', '2019-06-01'],
      [owner, '31', '"P-2, lô A"', 'CT-31-1', '', ''],
      [owner, '56', 'P-3', 'CT-56-1', '70', '2020-01-01'],
      [other, '3x', 'P-4', 'CT-bad', '70', '2020-01-01'],
    ]);
    const report = await importExtract(client, LAND_EXTRACT, await file('land.csv', text), { acceptRejected: true });
    expect(report).toMatchObject({ kind: 'land', current: true, rows: 3, rejected: 1, errors: [{ line: 5, column: 'province_code', message: "'3x' không phải mã tỉnh 2 chữ số", messageEn: '"3x" is not a 2-digit province code' }] });

    const land = new ExtractLandRegistry(db.pool);
    const inHaiPhong = await land.housingOwned([owner, other], '31');
    expect(inHaiPhong.snapshot).toBe(`land-extract-${report.snapshotId}`);
    expect(inHaiPhong.owned.get(owner)?.map((c) => [c.provinceCode, c.certificateNo, c.floorAreaM2, c.parcel])).toEqual([
      ['31', 'CT-31-1', null, 'P-2, lô A'],
    ]);
    expect(inHaiPhong.owned.get(other)).toEqual([]);
    expect((await land.housingOwned([owner], '30')).owned.get(owner)?.map((c) => c.certificateNo)).toEqual(['CT-30-1']);
    expect((await land.housingOwned([owner], '01')).owned.get(owner)).toEqual([]);
  });

  describe('which snapshot is current', () => {
    const lookup = (ids: string[]) => new ExtractPopulationRegistry(db.pool).lookup(ids);
    const good = () => file('good.csv', populationCsv(5, 500_000));
    // One good row, four rejected: the extract that once made whole households "unknown".
    const mostlyBad = () =>
      file('mostly-bad.csv', populationCsv(1, 600_000).concat([1, 2, 3, 4].map((i) => `${generatedId(600_000 + i)},X,1990-01-01,other,alive,,,,,,\n`).join('')));

    it('an import with rejected rows is kept but does not become current', async () => {
      const first = await importExtract(client, POPULATION_EXTRACT, await good());
      expect(first).toMatchObject({ current: true, rejected: 0 });
      const bad = await importExtract(client, POPULATION_EXTRACT, await mostlyBad());
      expect(bad).toMatchObject({ alreadyImported: false, current: false, rows: 1, rejected: 4 });
      const { snapshot, people } = await lookup([generatedId(500_001), generatedId(600_000)]);
      expect(snapshot).toBe(`population-extract-${first.snapshotId}`);
      expect([...people.keys()]).toEqual([generatedId(500_001)]);
      // Kept, so the operator can still choose it.
      expect((await listSnapshots(client, 'population')).find((s) => s.id === bad.snapshotId)).toMatchObject({ rows: 1, rejected: 4, current: false });
    });

    it('re-importing a file imported before makes it current again; one with rejected rows only when accepted', async () => {
      const again = await importExtract(client, POPULATION_EXTRACT, await mostlyBad());
      expect(again).toMatchObject({ alreadyImported: true, current: false });
      const accepted = await importExtract(client, POPULATION_EXTRACT, await mostlyBad(), { acceptRejected: true });
      expect(accepted).toMatchObject({ alreadyImported: true, current: true, snapshotId: again.snapshotId });
      expect((await lookup([generatedId(600_000)])).snapshot).toBe(`population-extract-${again.snapshotId}`);

      const back = await importExtract(client, POPULATION_EXTRACT, await good());
      expect(back).toMatchObject({ alreadyImported: true, current: true });
      expect((await lookup([generatedId(500_001)])).people.has(generatedId(500_001))).toBe(true);
    });

    it('useSnapshot switches to an earlier snapshot of the same registry only', async () => {
      const all = await listSnapshots(client, 'population');
      expect(all.filter((s) => s.current)).toHaveLength(1);
      const oldest = all[0];
      const replaced = await useSnapshot(client, 'population', oldest.id);
      expect(replaced).toBe(all.find((s) => s.current)?.id);
      expect((await lookup([generatedId(10)])).snapshot).toBe(`population-extract-${oldest.id}`);
      expect((await listSnapshots(client, 'population')).filter((s) => s.current).map((s) => s.id)).toEqual([oldest.id]);

      const [land] = await listSnapshots(client, 'land');
      await expect(useSnapshot(client, 'population', land.id)).rejects.toThrow(UnknownSnapshot);
      await expect(useSnapshot(client, 'population', 'latest')).rejects.toThrow('population: no snapshot latest');
      expect((await lookup([generatedId(10)])).snapshot).toBe(`population-extract-${oldest.id}`);
    });
  });
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { LAND_EXTRACT, POPULATION_EXTRACT } from '../../src/population/extract/extract-schemas';
import { importExtract } from '../../src/population/extract/import-extract';
import type { RegistryPerson } from '../../src/population/population-registry.port';
import { POPULATION_HEADER } from '../../src/population/extract/population-row';
import { LAND_HEADER } from '../../src/population/extract/land-row';

/** The citizen id of generated person `i`: born 1990 in Hải Phòng (031), female on odd i. */
export const generatedId = (i: number): string => `031${i % 2}90${String(i).padStart(6, '0')}`;

/**
 * A population extract of `count` people, two per household and married to each other, with a
 * name that needs quoting every tenth row. Deterministic, so the same arguments give the same file
 * (and the same SHA-256).
 */
export function populationCsv(count: number, start = 0): string {
  const lines = [POPULATION_HEADER.join(',')];
  for (let i = start; i < start + count; i += 1) {
    const spouse = i % 2 === 0 ? i + 1 : i - 1;
    const name = i % 10 === 0 ? `"Nguyễn, Thị ""Lan"" ${i}"` : `Trần Văn ${i}`;
    lines.push(
      [generatedId(i), name, '1990-04-12', i % 2 === 0 ? 'male' : 'female', 'alive', '', '31', i % 3 === 0 ? '01' : '', `HH-${Math.floor(i / 2)}`, i % 2 === 0 ? 'head' : 'spouse', generatedId(spouse)].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function landCsv(rows: readonly (readonly string[])[]): string {
  return `${[LAND_HEADER.join(','), ...rows.map((r) => r.join(','))].join('\n')}\n`;
}

/** An extract of exactly these people, in API.md's column order. */
export function populationCsvOf(people: RegistryPerson[]): string {
  const cell = (v: string | null) => (v === null ? '' : /[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const rows = people.map((p) =>
    [p.citizenId, p.fullName, p.dateOfBirth, p.gender, p.status, p.dateOfDeath, p.permanentProvince, p.temporaryProvince, p.householdId, p.relationToHead, p.spouseCitizenId]
      .map(cell)
      .join(','),
  );
  return `${[POPULATION_HEADER.join(','), ...rows].join('\n')}\n`;
}

/** Imports the people (and any certificates) as the active snapshots, as `noxh registry import` would. */
export async function importRegistries(pool: Pool, people: RegistryPerson[], certificates: readonly (readonly string[])[]): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'noxh-registries-'));
  const client = await pool.connect();
  try {
    await writeFile(join(dir, 'population.csv'), populationCsvOf(people));
    await importExtract(client, POPULATION_EXTRACT, join(dir, 'population.csv'));
    // An extract without rows is refused; no certificates means no land snapshot at all.
    if (certificates.length > 0) {
      await writeFile(join(dir, 'land.csv'), landCsv(certificates));
      await importExtract(client, LAND_EXTRACT, join(dir, 'land.csv'));
    }
  } finally {
    client.release();
    await rm(dir, { recursive: true, force: true });
  }
}

/** A living person of the registry, in Hải Phòng, head of household HH-1; `extra` overrides. */
export const registryPerson = (citizenId: string, extra: Partial<RegistryPerson> = {}): RegistryPerson => ({
  citizenId,
  fullName: 'Nguyễn Thị Hồng',
  dateOfBirth: '1990-04-12',
  gender: 'female',
  status: 'alive',
  dateOfDeath: null,
  permanentProvince: '31',
  temporaryProvince: null,
  householdId: 'HH-1',
  relationToHead: 'head',
  spouseCitizenId: null,
  ...extra,
});

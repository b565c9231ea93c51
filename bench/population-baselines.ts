import { createReadStream } from 'node:fs';
import type { Pool, PoolClient } from 'pg';
import type { ApplicationSubmitted } from '../src/applications/domain/application.events';
import { POPULATION_HEADER } from '../src/population/extract/population-row';
import { readCsv } from '../src/shared/spreadsheet/read-csv';
import { PROVINCE } from './population-dataset';

const IMPORT_ROWS_PER_STATEMENT = 5000;
export const IMPORT_BASELINE_TABLE = 'bench_import_baseline';
export const CHECK_BASELINE_TABLE = 'bench_check_baseline';

/**
 * What loading the extract costs with nothing but the wire: the same file, cut into lines and
 * cells with split() (the generated population file has no quoted cell; a quote stops the run),
 * sent as multi-row INSERTs of 5,000 rows into a table of text columns without key or index, in
 * one transaction, one statement at a time. (pg-copy-streams, which COPY FROM STDIN needs, is not
 * installed.) Not the project's CsvParser: its speed is measured on its own (parseOnly). Returns
 * the rows written.
 */
export async function importBaseline(client: PoolClient, file: string, onRows: (rows: number) => void): Promise<number> {
  const columns = POPULATION_HEADER.length;
  await client.query(`DROP TABLE IF EXISTS ${IMPORT_BASELINE_TABLE}`);
  await client.query(`CREATE TABLE ${IMPORT_BASELINE_TABLE} (${POPULATION_HEADER.map((c) => `${c} text`).join(', ')})`);
  const statements = new Map<number, string>();
  const insertOf = (rows: number): string => {
    let sql = statements.get(rows);
    if (!sql) {
      const tuples = Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(',')})`);
      sql = `INSERT INTO ${IMPORT_BASELINE_TABLE} VALUES ${tuples.join(',')}`;
      statements.set(rows, sql);
    }
    return sql;
  };
  let rows = 0;
  let params: (string | null)[] = [];
  const flush = async (): Promise<void> => {
    if (params.length === 0) return;
    const count = params.length / columns;
    await client.query(insertOf(count), params);
    params = [];
    rows += count;
    onRows(rows);
  };
  let header = true;
  let rest = '';
  /** The cells of one line into `params`; the header and a trailing empty line are skipped. */
  const take = (line: string): void => {
    if (header || line === '') {
      header = false;
      return;
    }
    if (line.includes('"')) throw new Error('the import baseline reads unquoted CSV only');
    for (const field of line.split(',')) params.push(field === '' ? null : field);
  };
  const full = IMPORT_ROWS_PER_STATEMENT * columns;
  await client.query('BEGIN');
  try {
    for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      const lines = (rest + String(chunk)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        take(line);
        if (params.length >= full) await flush();
      }
    }
    take(rest);
    await flush();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
  return rows;
}

/** The project's CSV reader alone over the file, no checks and no database: rows per second of parsing. */
export async function parseOnly(file: string): Promise<{ rows: number; seconds: number }> {
  const start = performance.now();
  let rows = 0;
  for await (const batch of readCsv(file)) rows += batch.records.length;
  return { rows: rows - 1, seconds: (performance.now() - start) / 1000 };
}

interface RegistryRow {
  citizen_id: string;
  date_of_birth: string;
  gender: string;
  status: string;
  spouse_citizen_id: string | null;
}

/**
 * The check as a hand-written batch job would do it, per chunk of files: one read of the files,
 * one registry query, one land query (declared people and the applicants' registry spouses), one
 * multi-row INSERT of a JSON verdict per file. No event store, no decider, no hash chain, no name
 * normalisation, no second lookup for a hidden spouse. Returns the files it flagged.
 */
export async function checkChunkBaseline(pool: Pool, ids: string[], populationSnapshot: string, landSnapshot: string): Promise<number> {
  const { rows: files } = await pool.query<{ data: ApplicationSubmitted['data'] }>(
    `SELECT data FROM events WHERE stream_id = ANY($1::text[]) AND type = 'ApplicationSubmitted'`,
    [ids.map((id) => `application-${id}`)],
  );
  const declared = files.flatMap(({ data }) => [data.applicant.citizenId, ...data.household.map((m) => m.citizenId)]);
  const { rows: people } = await pool.query<RegistryRow>(
    `SELECT citizen_id, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, gender, status, spouse_citizen_id
     FROM registry_people WHERE snapshot_id = $1 AND citizen_id = ANY($2::text[])`,
    [populationSnapshot, declared],
  );
  const registry = new Map(people.map((p) => [p.citizen_id, p]));
  const spouses = files.map(({ data }) => registry.get(data.applicant.citizenId)?.spouse_citizen_id).filter((id): id is string => !!id);
  const { rows: certificates } = await pool.query<{ citizen_id: string }>(
    `SELECT citizen_id FROM land_certificates WHERE snapshot_id = $1 AND citizen_id = ANY($2::text[]) AND province_code = $3`,
    [landSnapshot, [...new Set([...declared, ...spouses])], PROVINCE],
  );
  const owners = new Set(certificates.map((c) => c.citizen_id));

  let flagged = 0;
  const params: string[] = [];
  for (const { data } of files) {
    const spouseId = registry.get(data.applicant.citizenId)?.spouse_citizen_id ?? null;
    const hidden = spouseId !== null && !data.household.some((m) => m.relation === 'spouse' && m.citizenId === spouseId) ? spouseId : null;
    const persons = [{ ...data.applicant, relation: 'applicant' }, ...data.household].map((p) => {
      const r = registry.get(p.citizenId);
      const counts = p.relation === 'applicant' || p.relation === 'spouse';
      return {
        citizenId: p.citizenId,
        known: r !== undefined,
        identity: r !== undefined && r.date_of_birth === p.dateOfBirth && r.gender === p.gender,
        alive: r ? r.status === 'alive' : null,
        ownsHousing: counts && owners.has(p.citizenId),
      };
    });
    const problem = hidden !== null || persons.some((p) => !p.identity || p.alive === false || p.ownsHousing);
    if (problem) flagged += 1;
    params.push(data.applicationId, JSON.stringify({ persons, hiddenSpouse: hidden, problem }));
  }
  if (files.length > 0) {
    const tuples = files.map((_, i) => `($${2 * i + 1}, $${2 * i + 2}::jsonb)`);
    await pool.query(`INSERT INTO ${CHECK_BASELINE_TABLE} (application_id, result) VALUES ${tuples.join(',')}`, params);
  }
  return flagged;
}

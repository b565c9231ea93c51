import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { PopulationCheckRunner } from '../src/population/commands/check-population/population-check.runner';
import { SWEEP_CHUNK } from '../src/population/commands/check-population/due-applications';
import { LAND_EXTRACT, POPULATION_EXTRACT } from '../src/population/extract/extract-schemas';
import { type ImportReport, importExtract } from '../src/population/extract/import-extract';
import type { Actor } from '../src/shared/actor';
import { systemClock } from '../src/shared/clock';
import { type BenchDatabase, openBenchDatabase } from './bench-database';
import { type CpuMark, cpuMark, type CpuUse, sampleMemory, summary, withBar } from './population-report';
import { CHECK_BASELINE_TABLE, checkChunkBaseline, IMPORT_BASELINE_TABLE, importBaseline, parseOnly } from './population-baselines';
import { PopulationDataset, writeLines } from './population-dataset';
import { DependencyTimes, TimedEventStore, TimedLandRegistry, TimedPopulationRegistry } from './timed-population-adapters';

const WRITERS = 4;
const STREAMS_PER_APPEND = 500;
const MAX_EVENT_BYTES = 1024 * 1024;
/** Issue targets: the import at least this fast; the check of 100,000 files within 60 s (scaled to the run's size). */
const IMPORT_TARGET_ROWS_PER_SECOND = 50_000;
const CHECK_TARGET_SECONDS_PER_100K = 60;
const ACTOR: Actor = { subject: 'bench-police', role: 'police', province: '31' };

/**
 * `npm run bench -- population`: generates a population extract of BENCH_PEOPLE people (default
 * one million) and a land extract, imports both as `noxh registry import` does, submits
 * BENCH_APPLICATIONS files (default 100,000, ~2.5 people each, a few percent planted to mismatch)
 * and times the police check of all of them with PopulationCheckRunner. The import and the check
 * are each compared, in the same run, with the bare SQL a hand-written job would do.
 */
export async function populationBenchmark(): Promise<void> {
  const people = sizeFromEnv('BENCH_PEOPLE', 1_000_000);
  const applications = sizeFromEnv('BENCH_APPLICATIONS', 100_000);
  const dataset = new PopulationDataset({ people, applications, landCertificates: sizeFromEnv('BENCH_LAND', Math.max(1000, Math.round(people / 20))) });
  const directory = await mkdtemp(join(tmpdir(), 'noxh-population-bench-'));
  let database: BenchDatabase | undefined;
  try {
    // 1. The extracts, streamed to disk.
    const generateStart = performance.now();
    const populationFile = join(directory, 'population.csv');
    const landFile = join(directory, 'land.csv');
    const populationRows = (await writeLines(populationFile, dataset.populationLines())) - 1;
    const landRows = (await writeLines(landFile, dataset.landLines())) - 1;
    console.log(
      `extracts written in ${seconds(generateStart)} s: population ${populationRows} rows (${await mebibytes(populationFile)} MiB), ` +
        `land ${landRows} rows (${await mebibytes(landFile)} MiB)`,
    );
    const planted = plantedFaults(dataset);
    console.log(
      `files planned: ${applications}, ${planted.people} people declared; planted: ${planted.unknownId} unknown id, ${planted.wrongBirthDate} wrong birth date, ` +
        `${planted.hiddenSpouse} hidden spouse, ${planted.housingIn31} housing in province 31, ${planted.housingElsewhere} housing elsewhere (no problem), ` +
        `${planted.withDeceased} declaring a deceased person; ${planted.mismatches} files should be flagged (${percent(planted.mismatches, applications)})`,
    );

    database = await openBenchDatabase();
    const db = database;
    const pool = db.pool(WRITERS + 4);
    console.log(`database ready; ${await settings(pool)}`);
    const cpu = (): CpuMark => cpuMark(db.postmasterPid);

    // 2. Imports, then the plain-INSERT baseline of the same population file.
    const client = await pool.connect();
    let population: ImportReport;
    let land: ImportReport;
    let importCpu: CpuUse;
    let baselineRows: number;
    let baselineSeconds: number;
    let baselineCpu: CpuUse;
    let parsed: { rows: number; seconds: number };
    try {
      await checkpoint(pool);
      const importMark = cpu();
      population = await withBar('import population', populationRows, 'rows', (update) =>
        importExtract(client, POPULATION_EXTRACT, populationFile, { onProgress: (p) => update(p.rows) }),
      );
      importCpu = importMark.since();
      land = await withBar('import land      ', landRows, 'rows', (update) => importExtract(client, LAND_EXTRACT, landFile, { onProgress: (p) => update(p.rows) }));
      parsed = await parseOnly(populationFile);

      await checkpoint(pool);
      const baselineMark = cpu();
      const baselineStart = performance.now();
      baselineRows = await withBar('baseline INSERT  ', populationRows, 'rows', (update) => importBaseline(client, populationFile, update));
      baselineSeconds = (performance.now() - baselineStart) / 1000;
      baselineCpu = baselineMark.since();
      await client.query(`DROP TABLE ${IMPORT_BASELINE_TABLE}`);
    } finally {
      client.release();
    }
    const importRate = population.rows / population.seconds;
    const baselineImportRate = baselineRows / baselineSeconds;
    console.log(
      `population import  ${population.rows} rows (${population.rejected} rejected) in ${population.seconds.toFixed(1)} s: ${rate(importRate)} rows/s` +
        ` (snapshot ${population.snapshotId}); CPU ${importCpu.text}`,
    );
    console.log(`land import        ${land.rows} rows (${land.rejected} rejected) in ${land.seconds.toFixed(1)} s: ${rate(land.rows / land.seconds)} rows/s (snapshot ${land.snapshotId})`);
    console.log(
      `baseline           multi-row INSERT of ${baselineRows} rows, 5,000 per statement, into 11 text columns without key (pg-copy-streams is not installed, so no COPY),` +
        ` lines cut with split(','), one transaction: ${baselineSeconds.toFixed(1)} s: ${rate(baselineImportRate)} rows/s; CPU ${baselineCpu.text}`,
    );
    console.log(`import / baseline  ${(importRate / baselineImportRate).toFixed(2)}× the baseline's rows/s`);
    console.log(`CSV parser alone   ${parsed.rows} rows in ${parsed.seconds.toFixed(1)} s: ${rate(parsed.rows / parsed.seconds)} rows/s (readCsv over the population file again, no checks, no database)`);
    for (const report of [population, land]) if (report.rejected > 0) console.log(`  ${report.kind} rejected, first: ${JSON.stringify(report.errors.slice(0, 3))}`);

    // 3. The files, through the event store (setup, not the measured part).
    const store = new PostgresEventStore(pool, systemClock, MAX_EVENT_BYTES);
    const writeStart = performance.now();
    const written = await withBar('submit files     ', applications, 'events', async (update) => {
      let events = 0;
      const groups = dataset.appends(STREAMS_PER_APPEND);
      await Promise.all(
        Array.from({ length: WRITERS }, async () => {
          for (let next = groups.next(); !next.done; next = groups.next()) {
            const result = await store.appendMany(next.value, { actor: { subject: 'bench-board', role: 'board', province: '31' } });
            events += result.events.length;
            update(events);
          }
        }),
      );
      return events;
    });
    const writeSeconds = (performance.now() - writeStart) / 1000;
    console.log(`files submitted    ${written} ApplicationSubmitted events in ${writeSeconds.toFixed(1)} s: ${rate(written / writeSeconds)} events/s (${WRITERS} writers, ${STREAMS_PER_APPEND} streams per append)`);

    // Settled tables, as they are days after an import: autovacuum would otherwise start on them mid-check.
    const vacuumStart = performance.now();
    await pool.query('VACUUM (ANALYZE) events, registry_snapshots, registry_people, land_certificates');
    console.log(`VACUUM (ANALYZE) of events and registry tables: ${seconds(vacuumStart)} s (not timed)`);

    // 4. The check, timed per dependency through thin subclasses of the real adapters.
    const ids = dataset.applicationIds();
    const times = new DependencyTimes();
    const runner = new PopulationCheckRunner(
      new TimedEventStore(pool, times),
      new TimedPopulationRegistry(pool, times),
      new TimedLandRegistry(pool, times),
      systemClock,
    );
    await checkpoint(pool);
    const checkMark = cpu();
    const memory = sampleMemory(200);
    const checkStart = performance.now();
    const tally = await withBar('check            ', applications, 'files', (update) => runner.run(chunks(ids, SWEEP_CHUNK, update), 'due', ACTOR));
    const checkSeconds = (performance.now() - checkStart) / 1000;
    const peak = memory.stop();
    const checkCpu = checkMark.since();
    const recorded = await pool.query<{ files: number; persons: number; bytes: number }>(
      `SELECT count(*)::int AS files, coalesce(sum(jsonb_array_length(data->'persons')), 0)::int AS persons,
              coalesce(avg(length(data::text)), 0)::int AS bytes
       FROM events WHERE type = 'PopulationCheckRecorded'`,
    );
    const { files: recordedFiles, persons: peopleChecked, bytes: checkBytes } = recorded.rows[0];

    // The same ids through the bare SQL, in the same chunks.
    await pool.query(`CREATE TABLE ${CHECK_BASELINE_TABLE} (application_id text, result jsonb)`);
    await checkpoint(pool);
    const checkBaselineMark = cpu();
    const checkBaselineStart = performance.now();
    const baselineFlagged = await withBar('check baseline   ', applications, 'files', async (update) => {
      let flagged = 0;
      for (let i = 0; i < ids.length; i += SWEEP_CHUNK) {
        flagged += await checkChunkBaseline(pool, ids.slice(i, i + SWEEP_CHUNK), population.snapshotId, land.snapshotId);
        update(Math.min(i + SWEEP_CHUNK, ids.length));
      }
      return flagged;
    });
    const checkBaselineSeconds = (performance.now() - checkBaselineStart) / 1000;
    const checkBaselineCpu = checkBaselineMark.since();

    const runnerTotal = times.read + times.population + times.land + times.append;
    console.log(
      `check              ${tally.checked} files checked, ${peopleChecked} people, ${tally.mismatches} flagged (${percent(tally.mismatches, tally.checked)}; ` +
        `${planted.mismatches} planted) in ${checkSeconds.toFixed(1)} s: ${rate(tally.checked / checkSeconds)} files/s, ${rate(peopleChecked / checkSeconds)} people/s`,
    );
    console.log(`  recorded         ${recordedFiles} PopulationCheckRecorded events, ${checkBytes} bytes of JSON on average`);
    console.log(
      `  inside the run   read streams ${times.read.toFixed(1)} s, population lookups ${times.population.toFixed(1)} s (${times.populationCalls} calls), ` +
        `land lookups ${times.land.toFixed(1)} s (${times.landCalls} calls), appends ${times.append.toFixed(1)} s (${times.appendCalls} calls), ` +
        `the rest (decide, cross-check, progress) ${(checkSeconds - runnerTotal).toFixed(1)} s`,
    );
    console.log(`  CPU              ${checkCpu.text}`);
    console.log(
      `  memory           peak RSS ${mib(peak.rss)} MiB, peak heap used ${mib(peak.heapUsed)} MiB (sampled every 200 ms); ` +
        `at the end RSS ${mib(process.memoryUsage().rss)} MiB, heap used ${mib(process.memoryUsage().heapUsed)} MiB`,
    );
    console.log(
      `check baseline     ${applications} files in ${checkBaselineSeconds.toFixed(1)} s: ${rate(applications / checkBaselineSeconds)} files/s ` +
        `(4 statements per chunk of ${SWEEP_CHUNK}; simplified rules flagged ${baselineFlagged}); CPU ${checkBaselineCpu.text}`,
    );
    console.log(`runner / baseline  ${(checkSeconds / checkBaselineSeconds).toFixed(2)}× the baseline's time`);

    // 5. Summary.
    const checkTarget = (CHECK_TARGET_SECONDS_PER_100K * applications) / 100_000;
    summary([
      [`population import ${population.rows} rows`, `${rate(importRate)} rows/s`, `>= ${rate(IMPORT_TARGET_ROWS_PER_SECOND)} rows/s`, verdict(importRate >= IMPORT_TARGET_ROWS_PER_SECOND)],
      ['import vs multi-row INSERT baseline', `${(importRate / baselineImportRate).toFixed(2)}×  (${rate(baselineImportRate)} rows/s)`, '-', '-'],
      [
        `check ${tally.checked} applications`,
        `${checkSeconds.toFixed(1)} s (${rate(tally.checked / checkSeconds)}/s)`,
        applications === 100_000 ? `< ${checkTarget} s` : `< ${checkTarget.toFixed(1)} s (60 s per 100,000)`,
        verdict(checkSeconds < checkTarget),
      ],
      ['check vs bare-SQL baseline', `${(checkSeconds / checkBaselineSeconds).toFixed(2)}× the time (${checkBaselineSeconds.toFixed(1)} s)`, '-', '-'],
      ['files flagged', `${tally.mismatches}`, `${planted.mismatches} planted`, tally.mismatches === planted.mismatches ? 'as planted' : 'DIFFERS'],
      ['peak RSS during check', `${mib(peak.rss)} MiB`, '-', '-'],
    ]);
  } finally {
    await database?.close();
    await rm(directory, { recursive: true, force: true });
  }
}

/** Chunks of ids as the sweep hands them over; each request for the next chunk means the last one is done. */
function* chunks(ids: string[], size: number, done: (count: number) => void): Generator<string[]> {
  for (let i = 0; i < ids.length; i += size) {
    done(i);
    yield ids.slice(i, i + size);
  }
  done(ids.length);
}

/** What was planted, and how many files the check should therefore flag. */
function plantedFaults(dataset: PopulationDataset): {
  people: number; unknownId: number; wrongBirthDate: number; hiddenSpouse: number; housingIn31: number; housingElsewhere: number; withDeceased: number; mismatches: number;
} {
  const counts = { people: 0, unknownId: 0, wrongBirthDate: 0, hiddenSpouse: 0, housingIn31: 0, housingElsewhere: 0, withDeceased: 0, mismatches: 0 };
  for (let j = 0; j < dataset.config.applications; j += 1) {
    const plan = dataset.application(j);
    const declared = plan.fault === 'hidden-spouse' ? plan.members.filter((i) => i !== plan.members[0] + 1) : plan.members;
    counts.people += declared.length;
    if (plan.fault === 'unknown-id') counts.unknownId += 1;
    if (plan.fault === 'wrong-birth-date') counts.wrongBirthDate += 1;
    if (plan.fault === 'hidden-spouse') counts.hiddenSpouse += 1;
    if (plan.ownerIn31 !== null) counts.housingIn31 += 1;
    if (plan.ownerElsewhere !== null) counts.housingElsewhere += 1;
    if (declared.some((i) => dataset.person(i).status === 'deceased')) counts.withDeceased += 1;
    if (dataset.expectedMismatch(plan)) counts.mismatches += 1;
  }
  return counts;
}

async function checkpoint(pool: Pool): Promise<void> {
  // Not allowed without superuser on a shared server: then only the order of the steps is fair.
  await pool.query('CHECKPOINT').catch(() => undefined);
}

async function settings(pool: Pool): Promise<string> {
  const names = ['server_version', 'shared_buffers', 'synchronous_commit', 'max_wal_size'];
  const { rows } = await pool.query<{ name: string; setting: string }>(`SELECT name, current_setting(name) AS setting FROM unnest($1::text[]) AS name`, [names]);
  return rows.map((r) => `${r.name}=${r.setting}`).join(' ');
}

function sizeFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw.replace(/_/g, ''));
  if (!Number.isSafeInteger(value) || value <= 0) throw new Error(`${name}=${raw} is not a positive whole number`);
  return value;
}

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
const rate = (perSecond: number): string => Math.round(perSecond).toLocaleString('en-US');
const percent = (part: number, whole: number): string => `${((100 * part) / Math.max(1, whole)).toFixed(1)} %`;
const mib = (bytes: number): string => (bytes / 2 ** 20).toFixed(0);
const seconds = (since: number): string => ((performance.now() - since) / 1000).toFixed(1);
const mebibytes = async (file: string): Promise<string> => mib((await stat(file)).size);

import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { Client } from 'pg';
import { loadConfig } from '../config/app-config';
import { runMigrations } from '../database/data-source';
import { resolveDatabase } from '../database/resolve-database';
import { ExtractHeaderMismatch, ExtractWithoutRows } from '../population/extract/extract-errors';
import { type ExtractSchema, LAND_EXTRACT, POPULATION_EXTRACT } from '../population/extract/extract-schemas';
import type { RowError } from '../population/extract/fields';
import { importExtract, type ImportReport } from '../population/extract/import-extract';
import { fail } from './ledger-context';

const SHOWN_ERRORS = 20;

/**
 * Imports one extract file (API.md "Registry extracts"). Exit 0 when the file was imported (rows
 * rejected or not) or had been already; exit 1, with nothing written, when it cannot be read, its
 * header is wrong, or no row survives. Needs only the database, not the event store.
 */
async function runImport<T>(schema: ExtractSchema<T>, file: string | undefined): Promise<void> {
  if (!file) return fail('give the extract file: FILE.csv');
  const path = resolve(file);
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    return fail(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const database = await resolveDatabase(loadConfig(), { log: (line) => process.stderr.write(`${line}\n`), ownSignals: false, reuseRunning: true });
  try {
    await runMigrations(database.url);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const bar = new SingleBar(
      { format: `${schema.kind} [{bar}] {percentage}% | {rows} rows | {duration_formatted}`, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    try {
      bar.start(100, 0, { rows: 0 });
      const report = await importExtract(client, schema, path, {
        onProgress: ({ bytesRead, totalBytes, rows }) => bar.update(totalBytes === 0 ? 100 : Math.floor((bytesRead / totalBytes) * 100), { rows }),
      });
      bar.stop();
      process.stdout.write(summary(report));
    } catch (error) {
      bar.stop();
      if (error instanceof ExtractHeaderMismatch) return fail(`${error.message}: nothing imported`);
      if (error instanceof ExtractWithoutRows) {
        process.stdout.write(errorLines(error.errors, error.rejected));
        return fail(error.message);
      }
      throw error;
    } finally {
      await client.end();
    }
  } finally {
    await database.stop();
  }
}

function summary(report: ImportReport): string {
  if (report.alreadyImported) {
    return `${report.kind}: already imported as snapshot ${report.snapshotId} (${report.rows} rows, ${report.rejected} rejected): nothing written\n`;
  }
  const perSecond = Math.round(report.rows / Math.max(report.seconds, 0.001));
  return (
    `${report.kind}: snapshot ${report.snapshotId}: ${report.rows} rows imported, ${report.rejected} rejected in ${report.seconds.toFixed(1)} s (${perSecond} rows/s)\n` +
    errorLines(report.errors, report.rejected)
  );
}

function errorLines(errors: RowError[], rejected: number): string {
  if (rejected === 0) return '';
  const shown = errors.slice(0, SHOWN_ERRORS).map((e) => `line ${e.line}: ${e.column}: ${e.message}\n`);
  const more = errors.length > SHOWN_ERRORS ? 'more errors not shown\n' : '';
  return `rejected rows (first ${SHOWN_ERRORS} errors):\n${shown.join('')}${more}`;
}

@SubCommand({ name: 'import', arguments: '<file>', description: 'Import a population extract CSV as a new registry snapshot' })
export class RegistryImportCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    await runImport(POPULATION_EXTRACT, file);
  }
}

@Command({ name: 'registry', description: 'The population registry extract', subCommands: [RegistryImportCommand] })
export class RegistryCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

@SubCommand({ name: 'import', arguments: '<file>', description: 'Import a land registry extract CSV (certificates by owner) as a new snapshot' })
export class LandRegistryImportCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    await runImport(LAND_EXTRACT, file);
  }
}

@Command({ name: 'land-registry', description: 'The land registry extract', subCommands: [LandRegistryImportCommand] })
export class LandRegistryCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}

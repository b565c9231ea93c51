import { access, constants } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { CommandRunner, Option, SubCommand } from 'nest-commander';
import { ExtractHeaderMismatch, ExtractWithoutRows } from '../population/extract/extract-errors';
import { UnreadableSpreadsheet } from '../shared/spreadsheet/decode-text';
import { type ExtractSchema, LAND_EXTRACT, POPULATION_EXTRACT } from '../population/extract/extract-schemas';
import type { RowError } from '../population/extract/fields';
import { importExtract, type ImportReport } from '../population/extract/import-extract';
import { fail } from './ledger-context';
import { registryCommand, withRegistryClient } from './registry-client';

const SHOWN_ERRORS = 20;

interface ImportOptions {
  acceptRejected?: boolean;
}

/**
 * Imports one extract file (API.md "Registry extracts"). Exit 0 when the file's snapshot is now
 * current (imported, or imported before); exit 1 when rows were rejected and not accepted (the
 * snapshot is kept, not used), or, with nothing written, when the file cannot be read, its header
 * is wrong, or no row survives.
 */
async function runImport<T>(schema: ExtractSchema<T>, file: string | undefined, { acceptRejected = false }: ImportOptions): Promise<void> {
  if (!file) {
    fail('cần tệp trích lục: FILE.csv hoặc FILE.xlsx');
    return;
  }
  const path = resolve(file);
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    fail(`không đọc được tệp ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    return;
  }
  await withRegistryClient(async (client) => {
    const bar = new SingleBar(
      { format: `${schema.kind} [{bar}] {percentage}% | {rows} dòng | {duration_formatted}`, hideCursor: true, clearOnComplete: true },
      Presets.shades_classic,
    );
    try {
      bar.start(100, 0, { rows: 0 });
      const report = await importExtract(client, schema, path, {
        acceptRejected,
        onProgress: ({ bytesRead, totalBytes, rows }) => bar.update(totalBytes === 0 ? 100 : Math.floor((bytesRead / totalBytes) * 100), { rows }),
      });
      bar.stop();
      process.stdout.write(summary(report));
      if (!report.current) {
        fail(
          `${report.rejected} dòng bị từ chối: bản trích lục ${report.snapshotId} được giữ lại nhưng không được dùng. ` +
            `Để vẫn dùng: noxh ${registryCommand(schema.kind)} import ${file} --accept-rejected (hoặc: noxh ${registryCommand(schema.kind)} use ${report.snapshotId})`,
        );
      }
    } catch (error) {
      bar.stop();
      if (error instanceof ExtractHeaderMismatch || error instanceof UnreadableSpreadsheet) {
        fail(`${error.messageVi}\nkhông nhập gì (nothing imported)`);
        return;
      }
      if (error instanceof ExtractWithoutRows) {
        process.stdout.write(errorLines(error.errors, error.rejected));
        fail(error.messageVi);
        return;
      }
      throw error;
    }
  });
}

function summary(report: ImportReport): string {
  const current = report.current ? `${report.kind}: bản trích lục ${report.snapshotId} đang được dùng${report.rejected > 0 ? ` (đã chấp nhận ${report.rejected} dòng bị từ chối)` : ''}\n` : '';
  if (report.alreadyImported) {
    return `${report.kind}: tệp đã được nhập trước đây thành bản trích lục ${report.snapshotId} (${report.rows} dòng, ${report.rejected} bị từ chối): không ghi dòng nào\n${current}`;
  }
  const perSecond = Math.round(report.rows / Math.max(report.seconds, 0.001));
  return (
    `${report.kind}: bản trích lục ${report.snapshotId}: nhập ${report.rows} dòng, từ chối ${report.rejected} dòng, trong ${report.seconds.toFixed(1)} s (${perSecond} dòng/s)\n` +
    errorLines(report.errors, report.rejected) +
    current
  );
}

function errorLines(errors: RowError[], rejected: number): string {
  if (rejected === 0) return '';
  const shown = errors.slice(0, SHOWN_ERRORS).map((e) => `dòng ${e.line}: ${e.column === 'row' ? '' : `cột '${e.column}': `}${e.message}\n`);
  const more = errors.length > SHOWN_ERRORS ? 'còn lỗi khác không hiện\n' : '';
  return `dòng bị từ chối (${SHOWN_ERRORS} lỗi đầu tiên):\n${shown.join('')}${more}`;
}

/** The flag both import commands take. */
abstract class ImportCommand extends CommandRunner {
  @Option({ flags: '--accept-rejected', description: 'vẫn dùng bản trích lục dù có dòng bị từ chối (make the snapshot current even though rows were rejected)' })
  parseAcceptRejected(): boolean {
    return true;
  }
}

@SubCommand({ name: 'import', arguments: '<file>', description: 'Nhập bản trích lục dân cư (CSV hoặc .xlsx, tiêu đề tiếng Việt hoặc tiếng Anh); được dùng ngay trừ khi có dòng bị từ chối (import a population extract)' })
export class RegistryImportCommand extends ImportCommand {
  async run([file]: string[], options: ImportOptions): Promise<void> {
    await runImport(POPULATION_EXTRACT, file, options);
  }
}

@SubCommand({ name: 'import', arguments: '<file>', description: 'Nhập bản trích lục đất đai (CSV hoặc .xlsx; giấy chứng nhận theo chủ sở hữu); được dùng ngay trừ khi có dòng bị từ chối (import a land registry extract)' })
export class LandRegistryImportCommand extends ImportCommand {
  async run([file]: string[], options: ImportOptions): Promise<void> {
    await runImport(LAND_EXTRACT, file, options);
  }
}

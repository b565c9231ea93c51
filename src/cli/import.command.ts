import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { IntakeHeaderMismatch } from '../applications/intake/intake-columns';
import { importApplications, type IntakeReport } from '../applications/intake/import-applications';
import { intakeTemplate } from '../applications/intake/intake-template';
import { UnreadableSpreadsheet } from '../shared/spreadsheet/decode-text';
import { fail, withLedger } from './ledger-context';
import { CommandGroup } from './command-group';

const SHOWN_ROWS = 50;

interface ApplicationsOptions {
  project?: string;
  officer?: string;
  historical?: string;
}

/**
 * `noxh import applications FILE --project ID --officer NAME [--historical SOURCE]` (API.md "Bulk
 * intake"). The CLI runs with the database at hand, as the province's board: the actor is the
 * officer, of the project's province. Exit 1 when any row was rejected, so a script notices.
 */
@SubCommand({ name: 'applications', arguments: '<file>', description: 'Nộp hồ sơ hàng loạt từ tệp .xlsx/.csv (bulk-submit applications from a spreadsheet)' })
export class ImportApplicationsCommand extends CommandRunner {
  async run([file]: string[], options: ApplicationsOptions): Promise<void> {
    if (!options.project || !options.officer) {
      fail('cần --project ID và --officer "Họ tên" (give --project and --officer)');
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(file));
    } catch (error) {
      fail(`không đọc được tệp ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return;
    }
    const { project, officer, historical } = options;
    await withLedger(async ({ store }) => {
      const province = await provinceOf(store, project);
      const bar = new SingleBar({ format: 'hồ sơ [{bar}] {value}/{total} dòng | {duration_formatted}', hideCursor: true, clearOnComplete: true }, Presets.shades_classic);
      let started = false;
      try {
        const report = await importApplications(store, bytes, {
          projectId: project,
          officer,
          historical,
          actor: { subject: `cli:${officer}`, role: 'board', ...(province && { province }) },
          onProgress: (done, total) => {
            if (!started) bar.start(total, 0);
            started = true;
            bar.update(done);
          },
        });
        bar.stop();
        process.stdout.write(summary(report));
        if (report.rejected.length > 0) process.exitCode = 1;
      } catch (error) {
        bar.stop();
        if (error instanceof IntakeHeaderMismatch || error instanceof UnreadableSpreadsheet) {
          fail(`${error.messageVi}: không nhập dòng nào`);
          return;
        }
        // The ledger's refusals (an unknown project: a CodedError) are said by cli.ts, as for every command.
        throw error;
      }
    });
  }

  @Option({ flags: '--project <id>', description: 'dự án mà các hồ sơ nộp vào (the project)' })
  parseProject(value: string): string {
    return value;
  }

  @Option({ flags: '--officer <name>', description: 'cán bộ tiếp nhận hồ sơ (receivedBy)' })
  parseOfficer(value: string): string {
    return value;
  }

  @Option({ flags: '--historical <source>', description: 'chuyển từ sổ giấy này: ngày ghi trong hồ sơ là lịch sử, không phải ghi lùi ngày (historical)' })
  parseHistorical(value: string): string {
    return value;
  }
}

/** The project's province, so the CLI acts as that province's board (the same check as the API's). */
async function provinceOf(store: Parameters<Parameters<typeof withLedger>[0]>[0]['store'], projectId: string): Promise<string | undefined> {
  const events = await store.readStream(`project-${projectId}`);
  const registered = events.find((e) => e.type === 'ProjectRegistered');
  const code = registered?.data.provinceCode;
  return typeof code === 'string' ? code : undefined;
}

function summary(report: IntakeReport): string {
  const lines = [`đã nhận ${report.accepted} hồ sơ; đã nhập từ trước ${report.alreadyImported}; bị từ chối ${report.rejected.length} dòng`];
  for (const r of report.rejected.slice(0, SHOWN_ROWS)) lines.push(`  sheet '${r.sheet}' dòng ${r.row}: ${r.errors.join('; ')}`);
  if (report.rejected.length > SHOWN_ROWS) lines.push(`  … và ${report.rejected.length - SHOWN_ROWS} dòng nữa`);
  return `${lines.join('\n')}\n`;
}

interface TemplateOptions {
  out?: string;
}

@SubCommand({ name: 'template', description: 'Ghi tệp mẫu .xlsx (writes the intake template)' })
export class ImportTemplateCommand extends CommandRunner {
  async run(_: string[], { out = 'mau-ho-so.xlsx' }: TemplateOptions): Promise<void> {
    await writeFile(resolve(out), await intakeTemplate());
    process.stdout.write(`đã ghi tệp mẫu ${resolve(out)}\n`);
  }

  @Option({ flags: '--out <file>', description: 'tệp mẫu ghi ra (mặc định mau-ho-so.xlsx)' })
  parseOut(value: string): string {
    return value;
  }
}

@Command({ name: 'import', description: 'Nhập dữ liệu từ bảng tính (spreadsheet intake)', subCommands: [ImportApplicationsCommand, ImportTemplateCommand] })
export class ImportCommand extends CommandGroup {}

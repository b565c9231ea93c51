import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { buildFindingsExport, EXPORT_FORMATS, type ExportFormat } from '../inspection/export/findings-export';
import { recordPersonalDataRead } from '../inspection/personal-data/personal-data-reads';
import { provinceGroup } from '../inspection/province-scope';
import type { Actor } from '../shared/actor';
import { isProvinceCode } from '../shared/province';
import { fail, withLedger } from './ledger-context';
import { CommandGroup } from './command-group';

interface ExportOptions {
  format: string;
  province?: string;
  out?: string;
}

/** `noxh findings export --format csv|xlsx [--province CODE] [--out FILE]`: the file GET /findings/export gives. */
@SubCommand({ name: 'export', description: 'Ghi các phát hiện kèm mã sự kiện bằng chứng ra tệp CSV hoặc XLSX (export the findings)' })
export class ExportFindingsCommand extends CommandRunner {
  async run(_: string[], options: ExportOptions): Promise<void> {
    if (!(EXPORT_FORMATS as readonly string[]).includes(options.format)) {
      fail(`--format phải là một trong ${EXPORT_FORMATS.join(', ')}`);
      return;
    }
    if (options.province !== undefined && !isProvinceCode(options.province)) {
      fail('--province phải là mã tỉnh 2 chữ số');
      return;
    }
    const format = options.format as ExportFormat;
    await withLedger(async ({ dataSource, store, clock }) => {
      const provinces = options.province === undefined ? undefined : provinceGroup(options.province);
      const file = await buildFindingsExport(dataSource, { provinces }, format, clock.now());
      // An operator exporting personal data is recorded like an inspector on the API.
      if (file.findings.length > 0) {
        await recordPersonalDataRead(store, clock, operator(), {
          endpoint: `noxh findings export --format ${format}${options.province ? ` --province ${options.province}` : ''}`,
          ids: file.findings.map((f) => f.id),
          citizenIds: file.findings.flatMap((f) => f.citizenIds),
        });
      }
      if (options.out === '-') {
        process.stdout.write(file.body);
        return;
      }
      const out = resolve(options.out ?? file.filename);
      await writeFile(out, file.body);
      process.stdout.write(`đã ghi ${file.findings.length} phát hiện vào ${out}\n`);
    });
  }

  @Option({ flags: '--format <format>', description: 'csv | xlsx', required: true })
  parseFormat(value: string): string {
    return value;
  }

  @Option({ flags: '--province <code>', description: 'chỉ tỉnh này (gồm cả các tỉnh đã sáp nhập vào)' })
  parseProvince(value: string): string {
    return value;
  }

  @Option({ flags: '--out <file>', description: 'tệp ghi ra (mặc định: noxh-findings-…-NGÀY.EXT tại thư mục hiện tại; "-": đầu ra chuẩn stdout)' })
  parseOut(value: string): string {
    return value;
  }
}

@Command({ name: 'findings', description: 'Các phát hiện của bộ phát hiện (findings)', subCommands: [ExportFindingsCommand] })
export class FindingsCommand extends CommandGroup {}

/** The CLI runs with database access, as an operator: named by the system user. */
function operator(): Actor {
  let name = process.env.USER ?? 'unknown';
  try {
    name = userInfo().username;
  } catch {
    // No passwd entry (some containers): the environment's name stands.
  }
  return { subject: `cli:${name}`, role: 'admin' };
}

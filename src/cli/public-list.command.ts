import { readFile } from 'node:fs/promises';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import type { StoredEvent } from '../event-store/event-store.port';
import { beneficiariesOf } from '../public-lists/beneficiaries-of';
import { comparePublicList, type LedgerAllocation, type PublishedRow } from '../public-lists/compare-public-list';
import type { KeyObject } from 'node:crypto';
import { keyIdOf, publicKeyFromPem } from '../audit/checkpoints/checkpoint-note';
import { keyDirectory, trustedKeys } from '../audit/checkpoints/signing-keys';
import { loadConfig } from '../config/app-config';
import { auditInclusionProofs } from '../public-lists/audit-inclusion-proofs';
import { checkListProofs } from '../public-lists/check-list-proofs';
import type { BeneficiariesView } from '../public-lists/queries/beneficiaries/beneficiaries.view';
import { streams } from '../shared/streams';
import { CliFailure } from './cli-failure';
import { fail, withLedger } from './ledger-context';
import { CommandGroup } from './command-group';
import { jsonObjectIn } from './json-file';

interface VerifyOptions {
  file?: string;
  publicKey?: string;
}

/** The pinned key, or every checkpoint key this node has signed with (DATA_DIR/checkpoint-keys/). */
async function checkpointKeys(publicKeyFile: string | undefined): Promise<Map<string, KeyObject>> {
  if (publicKeyFile) {
    const key = publicKeyFromPem(await readFile(publicKeyFile, 'utf8'));
    return new Map([[keyIdOf(key), key]]);
  }
  return trustedKeys(keyDirectory(loadConfig().dataDir)).catch(() => new Map<string, KeyObject>());
}

/** The list as downloaded; another file given by mistake is named as such, not compared row by row. */
function publishedList(text: string, file: string): BeneficiariesView {
  const read = jsonObjectIn(text);
  const list: Partial<BeneficiariesView> = 'object' in read ? read.object : {};
  if (typeof list.projectId !== 'string' || !Array.isArray(list.items)) {
    throw new CliFailure(`${file} không phải danh sách người được hưởng đã công bố (bản lưu của GET /api/v1/public/projects/:id/beneficiaries)`);
  }
  return list as BeneficiariesView;
}

/**
 * `noxh public-list verify PROJECT_ID [--file LIST.json]` (inspector, with database access): the
 * published list (the file downloaded from GET /api/v1/public/projects/:id/beneficiaries, or the
 * list as the service builds it from the log) against the project's allocations as the read
 * model holds them and the events as the log holds them; then the signed checkpoint and every
 * row's inclusion proof. Exit 1 on any difference or any proof that fails.
 */
@SubCommand({ name: 'verify', arguments: '<projectId>', description: 'Xác nhận danh sách người được hưởng đã công bố trùng với các căn đang phân bổ của dự án và mọi bằng chứng đều hợp lệ (verify a public list)' })
export class PublicListVerifyCommand extends CommandRunner {
  async run([projectId]: string[], options: VerifyOptions): Promise<void> {
    await withLedger(async ({ store, dataSource }) => {
      const list = options.file ? publishedList(await readFile(options.file, 'utf8'), options.file) : await beneficiariesOf(store, projectId, auditInclusionProofs(dataSource));
      if (list.projectId !== projectId) {
        fail(`danh sách là của dự án ${list.projectId}, không phải ${projectId}`);
        return;
      }
      const ledger = await dataSource.query<LedgerAllocation[]>(
        `SELECT unit_no AS "unitNo", allocation_event_id AS "allocationEventId", citizen_id AS "citizenId"
         FROM rm_units WHERE project_id = $1 AND allocation_id IS NOT NULL`,
        [projectId],
      );
      const rows: PublishedRow[] = list.items;
      const unitStreams = [...new Set([...rows.map((r) => r.unitNo), ...ledger.map((a) => a.unitNo)])].map((u) => streams.unit(projectId, u));
      const logEvents = new Map<string, StoredEvent>();
      for (const events of (await store.readStreams(unitStreams)).values()) for (const e of events) logEvents.set(e.eventId, e);
      const checks = comparePublicList(rows, ledger, logEvents);
      for (const c of checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
      if (checks.some((c) => !c.ok)) {
        fail('danh sách đã công bố khác với sổ cái');
        return;
      }
      const proofs = checkListProofs(list, await checkpointKeys(options.publicKey));
      for (const c of proofs) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
      if (proofs.some((c) => !c.ok)) {
        fail('điểm kiểm tra hoặc bằng chứng bao hàm của danh sách đã công bố không hợp lệ');
        return;
      }
      process.stdout.write(
        `ok: danh sách đã công bố của dự án ${projectId} trùng với ${ledger.length} căn đang phân bổ, và bằng chứng bao hàm (inclusion proof) của mọi dòng hợp lệ theo điểm kiểm tra đã ký ${list.checkpoint?.treeSize}\n`,
      );
    });
  }

  @Option({ flags: '--file <list.json>', description: 'danh sách như đã công bố (bản lưu từ địa chỉ công khai); mặc định: danh sách dịch vụ dựng lúc này' })
  parseFile(value: string): string {
    return value;
  }

  @Option({ flags: '--public-key <file>', description: 'khóa công khai ký điểm kiểm tra của sổ cái (PEM), lấy qua một kênh độc lập (GET /audit/public-key); mặc định: DATA_DIR/checkpoint-keys/' })
  parsePublicKey(value: string): string {
    return value;
  }
}

@Command({ name: 'public-list', description: 'Danh sách công khai người được hưởng (public lists)', subCommands: [PublicListVerifyCommand] })
export class PublicListCommand extends CommandGroup {}

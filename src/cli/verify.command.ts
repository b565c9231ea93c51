import { readFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import type { SignedCheckpoint } from '../audit/checkpoints/checkpoint';
import { loadKeyRing, witnessKeys } from '../audit/checkpoints/signing-keys';
import { verifyLedger } from '../audit/verification/ledger-verifier';
import { loadConfig } from '../config/app-config';
import { LOG_START } from '../event-store/event-store.port';
import { checkpointFromFile } from './checkpoint-file';
import { withLedger } from './ledger-context';
import { eventsBar, rate } from './progress';

interface VerifyOptions {
  against?: string;
}

/**
 * `noxh verify [--against CHECKPOINT.json]` (API.md): the full verification, from the first event:
 * every stream's chain, every checkpoint's signatures, and the log's root at every checkpoint's
 * size. Exit 0 and "ok: …", or exit 1 naming what differs and the checkpoint it contradicts (in Vietnamese).
 */
@Command({ name: 'verify', description: 'Kiểm tra mọi chuỗi băm và điểm kiểm tra (checkpoint) đã ký; mã thoát 1 và nêu chỗ bị sửa đầu tiên (verify the ledger)' })
export class VerifyCommand extends CommandRunner {
  async run(_: string[], options: VerifyOptions): Promise<void> {
    const config = loadConfig();
    const external = options.against ? [await readCheckpointFile(options.against)] : [];
    const { trusted } = await loadKeyRing(config.checkpoints.signingKeyPem, config.dataDir);
    await withLedger(async ({ store }) => {
      const bar = eventsBar('kiểm tra');
      const speed = rate();
      bar.start(await store.countAfter(LOG_START, Number.MAX_SAFE_INTEGER), 0, { rate: 0 });
      const { report } = await verifyLedger(store, {
        trusted,
        witnesses: witnessKeys(config.checkpoints.witnessPublicKeyPems),
        external,
        onProgress: (checked) => bar.update(checked, { rate: speed.perSecond(checked) }),
      });
      bar.stop();
      if (report.ok) {
        const last = report.lastCheckpoint;
        const checkpoints = last ? `, ${report.checkpointsChecked} điểm kiểm tra khớp (cuối cùng: kích thước ${last.treeSize}, gốc ${last.rootHash})` : '';
        process.stdout.write(`ok: đã kiểm tra ${report.eventsChecked} sự kiện${checkpoints}\n`);
        return;
      }
      const bad = report.firstBad;
      const where = bad?.eventId ? `luồng ${bad.stream} phiên bản ${bad.revision} sự kiện ${bad.eventId} (vị trí toàn cục ${bad.globalPosition}): ` : '';
      process.stdout.write(`bị sửa (altered): ${where}${bad?.reasonVi ?? ''}\nđã kiểm tra ${report.eventsChecked} sự kiện tới chỗ đó\n`);
      process.exitCode = 1;
    });
  }

  @Option({ flags: '--against <file>', description: 'một điểm kiểm tra lưu ngoài cơ sở dữ liệu (bản lưu của GET /audit/checkpoints/…, hoặc tệp trạng thái của bên chứng kiến)' })
  parseAgainst(value: string): string {
    return value;
  }
}

/** A checkpoint as GET /audit/checkpoints/… gives it, or a witness's state file holding one; anything else is refused (checkpoint-file.ts). */
export async function readCheckpointFile(file: string): Promise<SignedCheckpoint> {
  return checkpointFromFile(await readFile(file, 'utf8'), file);
}

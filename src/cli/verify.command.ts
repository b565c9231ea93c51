import { readFile } from 'node:fs/promises';
import { Command, CommandRunner, Option } from 'nest-commander';
import type { SignedCheckpoint } from '../audit/checkpoints/checkpoint';
import { loadKeyRing, witnessKeys } from '../audit/checkpoints/signing-keys';
import { verifyLedger } from '../audit/verification/ledger-verifier';
import { loadConfig } from '../config/app-config';
import { LOG_START } from '../event-store/event-store.port';
import { withLedger } from './ledger-context';
import { eventsBar, rate } from './progress';

interface VerifyOptions {
  against?: string;
}

/**
 * `noxh verify [--against CHECKPOINT.json]` (API.md): the full verification, from the first event:
 * every stream's chain, every checkpoint's signatures, and the log's root at every checkpoint's
 * size. Exit 0 and "ok: …", or exit 1 naming what differs and the checkpoint it contradicts.
 */
@Command({ name: 'verify', description: 'Check every hash chain and signed checkpoint; exit 1 naming the first thing altered' })
export class VerifyCommand extends CommandRunner {
  async run(_: string[], options: VerifyOptions): Promise<void> {
    const config = loadConfig();
    const external = options.against ? [await readCheckpointFile(options.against)] : [];
    const { trusted } = await loadKeyRing(config.checkpoints.signingKeyPem, config.dataDir);
    await withLedger(async ({ store }) => {
      const bar = eventsBar('verify');
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
        const checkpoints = last ? `, ${report.checkpointsChecked} checkpoints match (last: size ${last.treeSize}, root ${last.rootHash})` : '';
        process.stdout.write(`ok: ${report.eventsChecked} events checked${checkpoints}\n`);
        return;
      }
      const bad = report.firstBad;
      const where = bad?.eventId ? `stream ${bad.stream} revision ${bad.revision} event ${bad.eventId} (global position ${bad.globalPosition}): ` : '';
      process.stdout.write(`altered: ${where}${bad?.reason}\n${report.eventsChecked} events checked up to it\n`);
      process.exitCode = 1;
    });
  }

  @Option({ flags: '--against <file>', description: 'a checkpoint kept outside the database (GET /audit/checkpoints/… saved, or a witness state file)' })
  parseAgainst(value: string): string {
    return value;
  }
}

/** A checkpoint as GET /audit/checkpoints/… gives it, or a witness's state file holding one. */
export async function readCheckpointFile(file: string): Promise<SignedCheckpoint> {
  const parsed = JSON.parse(await readFile(file, 'utf8')) as SignedCheckpoint | { checkpoint: SignedCheckpoint };
  const checkpoint = 'checkpoint' in parsed ? parsed.checkpoint : parsed;
  return { ...checkpoint, cosignatures: [] };
}

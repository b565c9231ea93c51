import { Command, CommandRunner } from 'nest-commander';
import { verifyLog } from '../event-store/verify-log';
import { LOG_START } from '../event-store/event-store.port';
import { withLedger } from './ledger-context';
import { eventsBar, rate } from './progress';

/**
 * `noxh verify` (API.md): recomputes every stream's hash chain. Exit 0 and "ok: N events
 * checked", or exit 1 naming the first event that differs. Signed checkpoints are not written
 * yet, so there are none to check.
 */
@Command({ name: 'verify', description: 'Check every hash chain; exit 1 and the first bad event when the log was altered' })
export class VerifyCommand extends CommandRunner {
  async run(): Promise<void> {
    await withLedger(async ({ store }) => {
      const bar = eventsBar('verify');
      const speed = rate();
      bar.start(await store.countAfter(LOG_START, Number.MAX_SAFE_INTEGER), 0, { rate: 0 });
      const report = await verifyLog(store, undefined, (checked) => bar.update(checked, { rate: speed.perSecond(checked) }));
      bar.stop();
      if (report.ok) {
        process.stdout.write(`ok: ${report.eventsChecked} events checked\n`);
        return;
      }
      const bad = report.firstBad;
      process.stdout.write(
        `altered: stream ${bad?.stream} revision ${bad?.revision} event ${bad?.eventId} (global position ${bad?.globalPosition}): ${bad?.reason}\n` +
          `${report.eventsChecked} events checked up to it\n`,
      );
      process.exitCode = 1;
    });
  }
}

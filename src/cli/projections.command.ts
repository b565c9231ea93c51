import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { ProjectionLocked, ProjectionRunner } from '../../projections/runner/projection-runner';
import { LOG_START } from '../event-store/event-store.port';
import { loadConfig } from '../config/app-config';
import { allProjections, PROJECTION_NAMES } from '../projections/projections';
import { fail, withLedger } from './ledger-context';
import { eventsBar, rate } from './progress';
import { CommandGroup } from './command-group';

/** `noxh projections rebuild [NAME]` (API.md): empties a projection's tables and applies the whole log again. */
@SubCommand({
  name: 'rebuild',
  arguments: '[name]',
  description: 'Dựng lại các mô hình đọc (read models) từ sổ cái, có thanh tiến độ (rebuild read models)',
  argsDescription: { name: `${PROJECTION_NAMES.join(' | ')} (bỏ trống: tất cả)` },
})
export class RebuildProjectionsCommand extends CommandRunner {
  async run(names: string[]): Promise<void> {
    const name = names.at(0);
    const chosen = allProjections(loadConfig()).filter((p) => name === undefined || p.name === name);
    if (chosen.length === 0) {
      fail(`không có phép chiếu (projection) "${name}": chọn một trong ${PROJECTION_NAMES.join(', ')}`);
      return;
    }
    await withLedger(async ({ store, dataSource }) => {
      const runner = new ProjectionRunner(store, dataSource);
      const total = await store.countAfter(LOG_START, Number.MAX_SAFE_INTEGER);
      for (const projection of chosen) {
        const bar = eventsBar(projection.name);
        const speed = rate();
        bar.start(total, 0, { rate: 0 });
        try {
          const applied = await runner.rebuild(projection, { onProgress: (n) => bar.update(n, { rate: speed.perSecond(n) }) });
          bar.stop();
          process.stdout.write(`${projection.name}: đã dựng lại từ ${applied} sự kiện trong ${speed.seconds().toFixed(1)} s (${speed.perSecond(applied)} sự kiện/s)\n`);
        } catch (error) {
          bar.stop();
          // The service runs it live and holds its lock: rebuilding under it would race its writes.
          if (error instanceof ProjectionLocked) {
            fail(`phép chiếu ${projection.name} đang được một tiến trình khác chạy; dừng dịch vụ (hoặc đặt PROJECTIONS=off) rồi dựng lại`);
            return;
          }
          throw error;
        }
      }
    });
  }
}

@Command({ name: 'projections', description: 'Mô hình đọc và bộ phát hiện dựng từ sổ cái (projections)', subCommands: [RebuildProjectionsCommand] })
export class ProjectionsCommand extends CommandGroup {}

import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { commitmentOf } from '../lottery/domain/lottery-algorithm';
import { replayPublishedLottery } from '../lottery/domain/verify-published-lottery';
import { fail } from './ledger-context';
import { CommandGroup } from './command-group';

/** `noxh lottery seed`: for the supervising officer, who keeps the seed offline and gives the board the commitment. */
@SubCommand({ name: 'seed', description: 'In một hạt giống (seed) 32 byte mới (giữ ngoại tuyến tới lúc bốc thăm) và cam kết (commitment) của nó (giao cho hội đồng xét duyệt)' })
export class LotterySeedCommand extends CommandRunner {
  run(): Promise<void> {
    const seed = randomBytes(32).toString('hex');
    process.stdout.write(`hạt giống (seed):       ${seed}\ncam kết (commitment):   ${commitmentOf(seed)}\n`);
    return Promise.resolve();
  }
}

/** `noxh lottery verify FILE.json`: anyone's replay of a published lottery, with no database. Exit 1 when a check fails. */
@SubCommand({ name: 'verify', arguments: '<file>', description: 'Tính lại một lượt bốc thăm đã công bố (bản lưu JSON của GET /api/v1/public/lotteries/:id), không cần cơ sở dữ liệu' })
export class LotteryVerifyCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    let published: unknown;
    try {
      published = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      fail(`không đọc được ${file} dưới dạng JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const replay = replayPublishedLottery(published);
    for (const c of replay.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
    if (!replay.ok) {
      fail('kết quả bốc thăm đã công bố không tính lại được');
      return;
    }
    process.stdout.write(
      replay.drawn
        ? 'ok: kết quả bốc thăm tính lại đúng từ seed, beacon và danh sách người tham gia đã công bố\n'
        : 'ok: danh sách người tham gia đã chốt đúng như công bố; chưa bốc thăm\n',
    );
  }
}

@Command({ name: 'lottery', description: 'Bốc thăm mà ai cũng tính lại được (lotteries anyone can replay)', subCommands: [LotterySeedCommand, LotteryVerifyCommand] })
export class LotteryCommand extends CommandGroup {}

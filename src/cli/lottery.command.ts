import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Command, CommandRunner, SubCommand } from 'nest-commander';
import { commitmentOf } from '../lottery/domain/lottery-algorithm';
import { replayPublishedLottery } from '../lottery/domain/verify-published-lottery';
import { fail } from './ledger-context';

/** `noxh lottery seed`: for the supervising officer, who keeps the seed offline and gives the board the commitment. */
@SubCommand({ name: 'seed', description: 'Print a fresh 32-byte seed (keep it offline until the draw) and its commitment (give it to the board)' })
export class LotterySeedCommand extends CommandRunner {
  run(): Promise<void> {
    const seed = randomBytes(32).toString('hex');
    process.stdout.write(`seed:       ${seed}\ncommitment: ${commitmentOf(seed)}\n`);
    return Promise.resolve();
  }
}

/** `noxh lottery verify FILE.json`: anyone's replay of a published lottery, with no database. Exit 1 when a check fails. */
@SubCommand({ name: 'verify', arguments: '<file>', description: 'Recompute a published lottery (GET /api/v1/public/lotteries/:id saved as JSON) with no database' })
export class LotteryVerifyCommand extends CommandRunner {
  async run([file]: string[]): Promise<void> {
    let published: unknown;
    try {
      published = JSON.parse(await readFile(file, 'utf8'));
    } catch (error) {
      fail(`cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const replay = replayPublishedLottery(published);
    for (const c of replay.checks) process.stdout.write(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}: ${c.detail}\n`);
    if (!replay.ok) {
      fail('the published lottery does not recompute');
      return;
    }
    process.stdout.write(replay.drawn ? 'ok: the draw recomputes from the published seed, beacon and entrants\n' : 'ok: entrants frozen as published; not drawn yet\n');
  }
}

@Command({ name: 'lottery', description: 'Lotteries (bốc thăm) anyone can replay', subCommands: [LotterySeedCommand, LotteryVerifyCommand] })
export class LotteryCommand extends CommandRunner {
  run(): Promise<void> {
    this.command.help();
  }
}

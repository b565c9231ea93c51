import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DrawLotteryHandler } from './commands/draw-lottery/draw-lottery.handler';
import { DrawLotteryHttpController } from './commands/draw-lottery/draw-lottery.http.controller';
import { OpenLotteryHandler } from './commands/open-lottery/open-lottery.handler';
import { OpenLotteryHttpController } from './commands/open-lottery/open-lottery.http.controller';
import { PublicLotteryHandler } from './queries/public-lottery/public-lottery.handler';
import { PublicLotteryHttpController } from './queries/public-lottery/public-lottery.http.controller';

/**
 * Lotteries (bốc thăm) anyone can replay: commit, freeze, reveal. Its own context because its rules
 * (the commitment, the frozen entrants, the algorithm outsiders re-implement) are its own; it meets
 * applications only through their events, and hands its result over as their PriorityRanked.
 */
@Module({
  imports: [CqrsModule],
  controllers: [OpenLotteryHttpController, DrawLotteryHttpController, PublicLotteryHttpController],
  providers: [OpenLotteryHandler, DrawLotteryHandler, PublicLotteryHandler],
})
export class LotteryModule {}

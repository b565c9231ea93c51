import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { projectOfBoard } from '../../../allocation/commands/project-of-board';
import { applicationDecider } from '../../../applications/domain/application.decider';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide, load } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { lotteryDecider, projectOfLottery } from '../../domain/lottery.decider';
import { LotteryNotFound } from '../../domain/lottery.errors';
import type { LotteryDrawn } from '../../domain/lottery.events';
import { filesAsTheyStand, isEntrantOf } from '../project-files';
import { DrawLotteryCommand } from './draw-lottery.command';
import type { LotteryDrawnResponse } from './draw-lottery.request.dto';

/**
 * The draw and the project's ranking are one act, as POST /projects/:id/priority-rankings is: the
 * LotteryDrawn and one PriorityRanked (method ballot, rank = the lottery's rank) per entrant still
 * eligible go in one appendMany, each stream at the revision it was decided on.
 */
@CommandHandler(DrawLotteryCommand)
export class DrawLotteryHandler implements ICommandHandler<DrawLotteryCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ lotteryId, request, actor, idempotencyKey }: DrawLotteryCommand): Promise<LotteryDrawnResponse> {
    const projectId = projectOfLottery(lotteryId);
    if (projectId === null) throw new LotteryNotFound(lotteryId);
    await projectOfBoard(this.store, projectId, actor);
    const now = this.clock.now().toISOString();
    const lotteries = await load(this.store, streams.lottery(projectId), lotteryDecider);
    const entrants = lotteries.state.lotteries.find((l) => l.lotteryId === lotteryId)?.entrants ?? [];
    const files = await filesAsTheyStand(this.store, entrants);
    const draw = decide(lotteries, lotteryDecider, {
      type: 'DrawLottery',
      data: { lotteryId, seed: request.seed, beacon: request.beacon, stillEligible: files.filter((f) => isEntrantOf(projectId, f.state)).map((f) => f.applicationId), now },
    });
    const drawn = draw.events[0].data as unknown as LotteryDrawn['data'];
    const rankOf = new Map(drawn.ranking.map((r) => [r.applicationId, r.rank]));
    const notRanked = new Set(drawn.notRanked);
    const ranks = files
      .filter((f) => !notRanked.has(f.applicationId))
      .map((f) => decide(f, applicationDecider, {
        type: 'RecordPriorityRank',
        data: { applicationId: f.applicationId, projectId, method: 'ballot', rank: rankOf.get(f.applicationId) ?? 0, now },
      }));
    await appendDecisions(this.store, [draw, ...ranks], { actor, idempotencyKey });
    return { ranking: drawn.ranking, ranked: ranks.length, notRanked: drawn.notRanked };
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { projectOfBoard } from '../../../allocation/commands/project-of-board';
import { PG_POOL } from '../../../database/database.module';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide, load } from '../../../event-store/handle-command';
import { ProjectionsService } from '../../../projections/projections.service';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { lotteryDecider } from '../../domain/lottery.decider';
import type { LotteryOpened } from '../../domain/lottery.events';
import { allocationsInForce, applicationIdsOfProject, filesAsTheyStand, isEntrantOf } from '../project-files';
import { OpenLotteryCommand } from './open-lottery.command';
import type { LotteryOpenedResponse } from './open-lottery.request.dto';

/** Reads who may enter and what is allocated, then lets the decider freeze it. I/O only. */
@CommandHandler(OpenLotteryCommand)
export class OpenLotteryHandler implements ICommandHandler<OpenLotteryCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionsService,
  ) {}

  async execute({ projectId, request, actor, idempotencyKey }: OpenLotteryCommand): Promise<LotteryOpenedResponse> {
    const project = await projectOfBoard(this.store, projectId, actor);
    const files = await filesAsTheyStand(this.store, await applicationIdsOfProject(this.pool, this.projections, projectId));
    const lotteries = await load(this.store, streams.lottery(projectId), lotteryDecider);
    const append = decide(lotteries, lotteryDecider, {
      type: 'OpenLottery',
      data: {
        projectId, provinceCode: project.provinceCode, units: request.units, commitment: request.commitment, beaconSource: request.beaconSource,
        eligibleApplicationIds: files.filter((f) => isEntrantOf(projectId, f.state)).map((f) => f.applicationId),
        allocationIds: await allocationsInForce(this.store, project),
        now: this.clock.now().toISOString(),
      },
    });
    await appendDecisions(this.store, [append], { actor, idempotencyKey });
    const opened = append.events[0].data as unknown as LotteryOpened['data'];
    return { id: opened.lotteryId, entrantCount: opened.entrants.length, entrantsHash: opened.entrantsHash };
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { projectOfBoard } from '../../../allocation/commands/project-of-board';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide, load } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { applicationDecider } from '../../domain/application.decider';
import { RecordPriorityRankingCommand } from './record-priority-ranking.command';
import type { RankedResponse } from './record-priority-ranking.request.dto';

/**
 * A ballot or scoring is one act: every application gets its rank, or none does. Each stream is
 * appended at the revision its rank was decided on, all in one appendMany, so an application
 * withdrawn meanwhile fails the whole ranking (409 CONCURRENCY_CONFLICT) rather than ranking it.
 */
@CommandHandler(RecordPriorityRankingCommand)
export class RecordPriorityRankingHandler implements ICommandHandler<RecordPriorityRankingCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, request, actor, idempotencyKey }: RecordPriorityRankingCommand): Promise<RankedResponse> {
    await projectOfBoard(this.store, projectId, actor);
    const { method, ranking } = request;
    const now = this.clock.now().toISOString();
    const applications = await Promise.all(ranking.map((id) => load(this.store, streams.application(id), applicationDecider)));
    // Decided in ranking order, so a refusal names the first refused application of the list.
    const ranks = applications.map((loaded, index) =>
      decide(loaded, applicationDecider, {
        type: 'RecordPriorityRank',
        data: { applicationId: ranking[index], projectId, method, rank: index + 1, now },
      }),
    );
    await appendDecisions(this.store, ranks, { actor, idempotencyKey });
    return { ranked: ranks.length };
  }
}

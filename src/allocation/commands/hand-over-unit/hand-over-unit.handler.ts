import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { handleCommand } from '../../../event-store/handle-command';
import { streams } from '../../../shared/streams';
import { unitDecider } from '../../domain/unit.decider';
import { projectOfBoard } from '../project-of-board';
import { HandOverUnitCommand } from './hand-over-unit.command';

@CommandHandler(HandOverUnitCommand)
export class HandOverUnitHandler implements ICommandHandler<HandOverUnitCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ projectId, unitNo, request, actor, idempotencyKey }: HandOverUnitCommand): Promise<void> {
    await projectOfBoard(this.store, projectId, actor);
    const { handedOverAt, contractNo, fullyPaidAt = null } = request;
    await handleCommand(
      this.store,
      streams.unit(projectId, unitNo),
      unitDecider,
      { type: 'HandOverUnit', data: { projectId, unitNo, handedOverAt, contractNo, fullyPaidAt } },
      { actor, idempotencyKey },
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { assertProvince } from '../../../auth/current-actor.decorator';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { handleCommand } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { projectDecider } from '../../domain/project.decider';
import { RegisterProjectCommand } from './register-project.command';

@CommandHandler(RegisterProjectCommand)
export class RegisterProjectHandler implements ICommandHandler<RegisterProjectCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, actor, idempotencyKey }: RegisterProjectCommand): Promise<{ id: string }> {
    assertProvince(actor, request.provinceCode);
    const { id = randomUUID(), ...project } = request;
    await handleCommand(
      this.store,
      streams.project(id),
      projectDecider,
      { type: 'RegisterProject', data: { projectId: id, ...project, now: this.clock.now().toISOString() } },
      { actor, idempotencyKey },
    );
    return { id };
  }
}

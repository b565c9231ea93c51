import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertProvince } from '../../../auth/current-actor.decorator';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { handleCommand } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { programmeDecider } from '../../domain/programme.decider';
import { SetTargetCommand } from './set-target.command';
import type { TargetResponse } from './set-target.request.dto';

@CommandHandler(SetTargetCommand)
export class SetTargetHandler implements ICommandHandler<SetTargetCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ provinceCode, request, actor, idempotencyKey }: SetTargetCommand): Promise<TargetResponse> {
    assertProvince(actor, provinceCode);
    const { period, units } = request;
    await handleCommand(
      this.store,
      streams.programme(provinceCode),
      programmeDecider,
      { type: 'SetProgrammeTarget', data: { provinceCode, period, units, now: this.clock.now().toISOString() } },
      { actor, idempotencyKey },
    );
    return { provinceCode, period, units };
  }
}

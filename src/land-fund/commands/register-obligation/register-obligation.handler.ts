import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { assertProvince } from '../../../auth/current-actor.decorator';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { handleCommand } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { streams } from '../../../shared/streams';
import { landFundDecider } from '../../domain/land-fund.decider';
import { RegisterObligationCommand } from './register-obligation.command';
import type { ObligationResponse } from './register-obligation.request.dto';

@CommandHandler(RegisterObligationCommand)
export class RegisterObligationHandler implements ICommandHandler<RegisterObligationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ request, actor, idempotencyKey }: RegisterObligationCommand): Promise<ObligationResponse> {
    assertProvince(actor, request.provinceCode);
    const { commercialProjectId, name, provinceCode, residentialLandAreaM2, requiredShare, dueDate } = request;
    await handleCommand(
      this.store,
      streams.landFund(commercialProjectId),
      landFundDecider,
      {
        type: 'RegisterObligation',
        data: { commercialProjectId, name, provinceCode, residentialLandAreaM2, requiredShare, dueDate, now: this.clock.now().toISOString() },
      },
      { actor, idempotencyKey },
    );
    return { id: commercialProjectId };
  }
}

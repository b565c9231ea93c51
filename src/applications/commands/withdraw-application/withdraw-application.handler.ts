import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { appendDecisions, decide } from '../../../event-store/handle-command';
import { CLOCK, type Clock } from '../../../shared/clock';
import { applicationDecider } from '../../domain/application.decider';
import { applicationOfBoard } from '../application-of-board';
import { WithdrawApplicationCommand } from './withdraw-application.command';
import type { WithdrawnResponse } from './withdraw-application.request.dto';

/** Ends an open (or revoked) file; the decider refuses a second withdrawal and one while an allocation is in force (409). */
@CommandHandler(WithdrawApplicationCommand)
export class WithdrawApplicationHandler implements ICommandHandler<WithdrawApplicationCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ applicationId, request, actor, idempotencyKey }: WithdrawApplicationCommand): Promise<WithdrawnResponse> {
    const { loaded } = await applicationOfBoard(this.store, applicationId, actor);
    const now = this.clock.now().toISOString();
    const withdrawal = decide(loaded, applicationDecider, { type: 'WithdrawApplication', data: { applicationId, reason: request.reason, now } });
    await appendDecisions(this.store, [withdrawal], { actor, idempotencyKey });
    return { id: applicationId, withdrawnAt: now };
  }
}

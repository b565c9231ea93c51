import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { WithdrawApplicationRequest, WithdrawnResponse } from './withdraw-application.request.dto';

export class WithdrawApplicationCommand extends Command<WithdrawnResponse> {
  constructor(
    readonly applicationId: string,
    readonly request: WithdrawApplicationRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

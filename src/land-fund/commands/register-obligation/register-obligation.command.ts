import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { ObligationResponse, RegisterObligationRequest } from './register-obligation.request.dto';

export class RegisterObligationCommand extends Command<ObligationResponse> {
  constructor(
    readonly request: RegisterObligationRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

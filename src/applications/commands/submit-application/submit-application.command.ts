import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { SubmitApplicationRequest, SubmittedResponse } from './submit-application.request.dto';

export class SubmitApplicationCommand extends Command<SubmittedResponse> {
  constructor(
    readonly request: SubmitApplicationRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { SetTargetRequest, TargetResponse } from './set-target.request.dto';

export class SetTargetCommand extends Command<TargetResponse> {
  constructor(
    readonly provinceCode: string,
    readonly request: SetTargetRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { HandOverUnitRequest } from './hand-over-unit.request.dto';

export class HandOverUnitCommand extends Command<void> {
  constructor(
    readonly projectId: string,
    readonly unitNo: string,
    readonly request: HandOverUnitRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

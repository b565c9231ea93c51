import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { AllocateUnitRequest } from './allocate-unit.request.dto';

export class AllocateUnitCommand extends Command<{ id: string }> {
  constructor(
    readonly request: AllocateUnitRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

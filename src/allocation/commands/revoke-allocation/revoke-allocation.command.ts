import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { RevokeAllocationRequest } from './revoke-allocation.request.dto';

export class RevokeAllocationCommand extends Command<void> {
  constructor(
    readonly allocationId: string,
    readonly request: RevokeAllocationRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { TransferUnitRequest } from './transfer-unit.request.dto';

export class TransferUnitCommand extends Command<void> {
  constructor(
    readonly projectId: string,
    readonly unitNo: string,
    readonly request: TransferUnitRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

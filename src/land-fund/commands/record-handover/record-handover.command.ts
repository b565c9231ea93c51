import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { HandoverResponse, RecordHandoverRequest } from './record-handover.request.dto';

export class RecordHandoverCommand extends Command<HandoverResponse> {
  constructor(
    readonly commercialProjectId: string,
    readonly request: RecordHandoverRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { RankedResponse, RecordPriorityRankingRequest } from './record-priority-ranking.request.dto';

export class RecordPriorityRankingCommand extends Command<RankedResponse> {
  constructor(
    readonly projectId: string,
    readonly request: RecordPriorityRankingRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { ReviewFindingRequest, ReviewRecordedResponse } from './review-finding.request.dto';

export class ReviewFindingCommand extends Command<ReviewRecordedResponse> {
  constructor(
    readonly findingId: string,
    readonly request: ReviewFindingRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

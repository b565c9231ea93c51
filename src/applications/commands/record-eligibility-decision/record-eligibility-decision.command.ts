import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { EligibilityDecisionResponse, RecordEligibilityDecisionRequest } from './record-eligibility-decision.request.dto';

export class RecordEligibilityDecisionCommand extends Command<EligibilityDecisionResponse> {
  constructor(
    readonly applicationId: string,
    readonly request: RecordEligibilityDecisionRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

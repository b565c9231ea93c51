import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { IdPath } from '../id-path.dto';
import { RecordEligibilityDecisionCommand } from './record-eligibility-decision.command';
import { EligibilityDecisionResponse, RecordEligibilityDecisionRequest } from './record-eligibility-decision.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('applications')
export class RecordEligibilityDecisionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/eligibility-decisions')
  @Roles('board')
  @ApiOperation({
    summary: 'Record an eligibility decision (quyết định đủ điều kiện / không đủ điều kiện) on an application',
    description:
      'Evaluates the application as currently declared by the policy version in force in its province on the Vietnamese ' +
      'calendar day of decidedAt, and records one EligibilityDecided event with the board’s outcome, reasons and justification ' +
      'beside the policy’s version, outcome and reasons. The response’s `reasons` are the policy’s reasons. A board may overrule ' +
      'the policy, but an "eligible" decision the policy rejects needs a justification.',
  })
  @ApiCreatedResponse({ type: EligibilityDecisionResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named; DECISION_IN_FUTURE; DECISION_BEFORE_SUBMISSION; nothing written' })
  @ApiForbiddenResponse({ description: 'Not a board, or the application is of another province' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'JUSTIFICATION_REQUIRED, APPLICATION_WITHDRAWN, NO_POLICY_IN_FORCE, CONCURRENCY_CONFLICT' })
  decide(
    @Param() path: IdPath,
    @Body() request: RecordEligibilityDecisionRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<EligibilityDecisionResponse> {
    return this.commands.execute(new RecordEligibilityDecisionCommand(path.id, request, actor, idempotencyKey));
  }
}

import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { FindingIdPath } from '../../findings/finding-id-path.dto';
import { ReviewFindingCommand } from './review-finding.command';
import { ReviewFindingRequest, ReviewRecordedResponse } from './review-finding.request.dto';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('findings')
export class ReviewFindingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/review')
  @Roles('inspector')
  @ApiOperation({
    summary: 'Record an inspector’s review of a finding (confirmed or dismissed, with a note)',
    description: 'Appends FindingReviewed to finding-{id}: the only thing an inspector writes. The list shows it once the projection has applied it.',
  })
  @ApiCreatedResponse({ type: ReviewRecordedResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named; nothing written' })
  @ApiForbiddenResponse({ description: 'Anyone but an inspector' })
  @ApiNotFoundResponse({ description: 'FINDING_NOT_FOUND' })
  review(
    @Param() path: FindingIdPath,
    @Body() request: ReviewFindingRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ReviewRecordedResponse> {
    return this.commands.execute(new ReviewFindingCommand(path.id, request, actor, idempotencyKey));
  }
}

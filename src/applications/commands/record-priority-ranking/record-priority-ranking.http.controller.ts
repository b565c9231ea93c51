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
import { RecordPriorityRankingCommand } from './record-priority-ranking.command';
import { RankedResponse, RecordPriorityRankingRequest } from './record-priority-ranking.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('projects')
export class RecordPriorityRankingHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/priority-rankings')
  @Roles('board')
  @ApiOperation({
    summary: 'Record the priority order (kết quả bốc thăm / xét ưu tiên) of a project’s eligible applications',
    description:
      'Records one PriorityRanked per application (rank = position in `ranking`, from 1) on its stream, all in one atomic ' +
      'append: if any application is refused, none is ranked. The queue-jump detector compares allocations with this order.',
  })
  @ApiCreatedResponse({ type: RankedResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named (e.g. an application id twice); nothing written' })
  @ApiForbiddenResponse({ description: 'Not a board, or the project is of another province' })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND, APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'NOT_ELIGIBLE, APPLICATION_WITHDRAWN, APPLICATION_PROJECT_MISMATCH, CONCURRENCY_CONFLICT' })
  rank(
    @Param() path: IdPath,
    @Body() request: RecordPriorityRankingRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<RankedResponse> {
    return this.commands.execute(new RecordPriorityRankingCommand(path.id, request, actor, idempotencyKey));
  }
}

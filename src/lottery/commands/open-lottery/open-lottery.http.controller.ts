import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import { IdPath } from '../../../applications/commands/id-path.dto';
import type { Actor } from '../../../shared/actor';
import { OpenLotteryCommand } from './open-lottery.command';
import { LotteryOpenedResponse, OpenLotteryRequest } from './open-lottery.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('projects')
export class OpenLotteryHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/lotteries')
  @Roles('board')
  @ApiOperation({
    summary: 'Open a lottery (bốc thăm, Decree 100/2024 Art. 38): commit to the seed, name the beacon, freeze the entrants',
    description:
      'Records LotteryOpened on `lottery-{projectId}`: the commitment (SHA-256 of the seed the supervising officer keeps), the named ' +
      'public beacon, and the entrants frozen now: every application of the project with an "eligible" decision in force and not ' +
      'withdrawn, sorted by id, with entrantsHash = hex SHA-256 of their ids joined by "\\n". Files decided later are not entrants.',
  })
  @ApiCreatedResponse({ type: LotteryOpenedResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named; nothing written' })
  @ApiForbiddenResponse({ description: 'Not a board, or the project is of another province' })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LOTTERY_ALREADY_OPEN, PROJECT_HAS_ALLOCATIONS, NO_ENTRANTS, CONCURRENCY_CONFLICT' })
  open(
    @Param() path: IdPath,
    @Body() request: OpenLotteryRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<LotteryOpenedResponse> {
    return this.commands.execute(new OpenLotteryCommand(path.id, request, actor, idempotencyKey));
  }
}

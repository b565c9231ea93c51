import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiForbiddenResponse, ApiNotFoundResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { LotteryIdPath } from '../../lottery-id-path.dto';
import { DrawLotteryCommand } from './draw-lottery.command';
import { DrawLotteryRequest, LotteryDrawnResponse } from './draw-lottery.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('lotteries')
export class DrawLotteryHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/draw')
  @Roles('board')
  @ApiOperation({
    summary: 'Draw a lottery: reveal the seed and the beacon; the ranking follows from them alone',
    description:
      'Checks SHA-256(seed) against the commitment, scores each entrant with hex HMAC-SHA256(key = seed bytes, message = UTF-8 of ' +
      'beacon + "\\n" + applicationId), ranks by score ascending, and records LotteryDrawn with the project’s PriorityRanked ' +
      '(method ballot, rank = the lottery’s rank) for every entrant still eligible, all in one atomic append.',
  })
  @ApiCreatedResponse({ type: LotteryDrawnResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named; nothing written' })
  @ApiForbiddenResponse({ description: 'Not a board, or the project is of another province' })
  @ApiNotFoundResponse({ description: 'LOTTERY_NOT_FOUND (never opened), PROJECT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'SEED_MISMATCH, ALREADY_DRAWN, CONCURRENCY_CONFLICT' })
  draw(
    @Param() path: LotteryIdPath,
    @Body() request: DrawLotteryRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<LotteryDrawnResponse> {
    return this.commands.execute(new DrawLotteryCommand(path.id, request, actor, idempotencyKey));
  }
}

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
import { WithdrawApplicationCommand } from './withdraw-application.command';
import { WithdrawApplicationRequest, WithdrawnResponse } from './withdraw-application.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('applications')
export class WithdrawApplicationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/withdrawal')
  @Roles('board')
  @ApiOperation({
    summary: 'Withdraw an application (rút hồ sơ) of the board’s province',
    description: 'Records ApplicationWithdrawn. A withdrawn file can no longer be decided on, ranked or allocated.',
  })
  @ApiCreatedResponse({ type: WithdrawnResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named; nothing written' })
  @ApiForbiddenResponse({ description: 'Not a board, or the application is of another province' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'APPLICATION_WITHDRAWN (already withdrawn), APPLICATION_ALREADY_ALLOCATED, CONCURRENCY_CONFLICT' })
  withdraw(
    @Param() path: IdPath,
    @Body() request: WithdrawApplicationRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<WithdrawnResponse> {
    return this.commands.execute(new WithdrawApplicationCommand(path.id, request, actor, idempotencyKey));
  }
}

import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { RecordHandoverCommand } from './record-handover.command';
import { HandoverResponse, ObligationPath, RecordHandoverRequest } from './record-handover.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('land-fund/obligations')
export class RecordHandoverHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/handovers')
  @Roles('board')
  @ApiOperation({ summary: 'Record land handed over, or money paid in lieu, against a land-fund obligation (bàn giao quỹ đất)' })
  @ApiCreatedResponse({ type: HandoverResponse })
  @ApiNotFoundResponse({ description: 'LAND_FUND_OBLIGATION_NOT_FOUND' })
  @ApiConflictResponse({ description: 'LAND_FUND_OBLIGATION_DISCHARGED, CONCURRENCY_CONFLICT' })
  record(
    @Param() path: ObligationPath,
    @Body() request: RecordHandoverRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<HandoverResponse> {
    return this.commands.execute(new RecordHandoverCommand(path.id, request, actor, idempotencyKey));
  }
}

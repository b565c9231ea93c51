import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { HandOverUnitCommand } from './hand-over-unit.command';
import { HandOverUnitRequest } from './hand-over-unit.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('units')
export class HandOverUnitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/:unitNo/handover')
  @Roles('board')
  @ApiOperation({ summary: 'Record the handover (bàn giao) of an allocated unit' })
  @ApiCreatedResponse({ description: 'Recorded' })
  @ApiConflictResponse({ description: 'UNIT_ALREADY_HANDED_OVER, ALLOCATION_NOT_IN_FORCE' })
  async handOver(
    @Param('projectId') projectId: string,
    @Param('unitNo') unitNo: string,
    @Body() request: HandOverUnitRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<{ projectId: string; unitNo: string }> {
    await this.commands.execute(new HandOverUnitCommand(projectId, unitNo, request, actor, idempotencyKey));
    return { projectId, unitNo };
  }
}

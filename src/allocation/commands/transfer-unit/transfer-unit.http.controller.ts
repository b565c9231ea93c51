import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { TransferUnitCommand } from './transfer-unit.command';
import { TransferUnitRequest } from './transfer-unit.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('units')
export class TransferUnitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':projectId/:unitNo/transfers')
  @Roles('board')
  @ApiOperation({ summary: 'Record a resale, return or inheritance (chuyển nhượng) of a handed-over unit, as reported' })
  @ApiCreatedResponse({ description: 'Recorded' })
  @ApiConflictResponse({ description: 'UNIT_NOT_HANDED_OVER' })
  async transfer(
    @Param('projectId') projectId: string,
    @Param('unitNo') unitNo: string,
    @Body() request: TransferUnitRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<{ projectId: string; unitNo: string }> {
    await this.commands.execute(new TransferUnitCommand(projectId, unitNo, request, actor, idempotencyKey));
    return { projectId, unitNo };
  }
}

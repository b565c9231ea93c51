import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { RevokeAllocationCommand } from './revoke-allocation.command';
import { RevokeAllocationRequest } from './revoke-allocation.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('allocations')
export class RevokeAllocationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/revocation')
  @Roles('board')
  @ApiOperation({ summary: 'Revoke an allocation before handover (thu hồi quyết định giao nhà); frees the benefit claim' })
  @ApiCreatedResponse({ description: 'Revoked' })
  @ApiConflictResponse({ description: 'ALLOCATION_NOT_IN_FORCE, UNIT_ALREADY_HANDED_OVER' })
  async revoke(
    @Param('id') id: string,
    @Body() request: RevokeAllocationRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<{ id: string }> {
    await this.commands.execute(new RevokeAllocationCommand(id, request, actor, idempotencyKey));
    return { id };
  }
}

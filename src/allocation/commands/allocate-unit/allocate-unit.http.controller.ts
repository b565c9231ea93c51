import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { CreatedResponse } from '../register-project/register-project.request.dto';
import { AllocateUnitCommand } from './allocate-unit.command';
import { AllocateUnitRequest } from './allocate-unit.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('allocations')
export class AllocateUnitHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('board')
  @ApiOperation({ summary: 'Allocate a unit (giao nhà) to an eligible application; refusals are recorded for inspectors' })
  @ApiCreatedResponse({ type: CreatedResponse })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND, UNIT_NOT_FOUND, APPLICATION_NOT_FOUND' })
  @ApiConflictResponse({
    description: 'UNIT_ALREADY_ALLOCATED, ALREADY_BENEFICIARY, NOT_ELIGIBLE, APPLICATION_WITHDRAWN, APPLICATION_ALREADY_ALLOCATED, TENURE_MISMATCH',
  })
  allocate(
    @Body() request: AllocateUnitRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CreatedResponse> {
    return this.commands.execute(new AllocateUnitCommand(request, actor, idempotencyKey));
  }
}

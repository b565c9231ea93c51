import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { ReleaseUnitsCommand } from './release-units.command';
import { ProjectPath, ReleasedResponse, ReleaseUnitsRequest } from './release-units.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('projects')
export class ReleaseUnitsHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/units')
  @Roles('board')
  @ApiOperation({ summary: 'Release units (căn hộ) of a project of the board’s province for allocation' })
  @ApiCreatedResponse({ type: ReleasedResponse })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'UNIT_ALREADY_RELEASED, PLANNED_UNITS_EXCEEDED, CONCURRENCY_CONFLICT' })
  release(
    @Param() path: ProjectPath,
    @Body() request: ReleaseUnitsRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ReleasedResponse> {
    return this.commands.execute(new ReleaseUnitsCommand(path.id, request, actor, idempotencyKey));
  }
}

import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { SetTargetCommand } from './set-target.command';
import { ProvincePath, SetTargetRequest, TargetResponse } from './set-target.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('programmes')
export class SetTargetHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':provinceCode/targets')
  @Roles('board')
  @ApiOperation({ summary: 'Set the board’s province target for a period of its housing programme (chương trình phát triển nhà ở)' })
  @ApiCreatedResponse({ type: TargetResponse })
  set(
    @Param() path: ProvincePath,
    @Body() request: SetTargetRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<TargetResponse> {
    return this.commands.execute(new SetTargetCommand(path.provinceCode, request, actor, idempotencyKey));
  }
}

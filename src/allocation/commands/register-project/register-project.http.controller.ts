import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { RegisterProjectCommand } from './register-project.command';
import { CreatedResponse, RegisterProjectRequest } from './register-project.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('projects')
export class RegisterProjectHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('board')
  @ApiOperation({ summary: 'Register a social-housing project (dự án nhà ở xã hội) of the board’s province' })
  @ApiCreatedResponse({ type: CreatedResponse })
  @ApiConflictResponse({ description: 'PROJECT_ALREADY_REGISTERED' })
  register(
    @Body() request: RegisterProjectRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<CreatedResponse> {
    return this.commands.execute(new RegisterProjectCommand(request, actor, idempotencyKey));
  }
}

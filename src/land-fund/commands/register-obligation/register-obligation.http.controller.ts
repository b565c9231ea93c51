import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiConflictResponse, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IdempotencyKey } from '../../../http/idempotency/idempotency-key.decorator';
import type { Actor } from '../../../shared/actor';
import { RegisterObligationCommand } from './register-obligation.command';
import { ObligationResponse, RegisterObligationRequest } from './register-obligation.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('land-fund/obligations')
export class RegisterObligationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('board')
  @ApiOperation({ summary: 'Register a commercial project’s duty to reserve land for social housing (quỹ đất 20%)' })
  @ApiCreatedResponse({ type: ObligationResponse })
  @ApiConflictResponse({ description: 'LAND_FUND_OBLIGATION_EXISTS' })
  register(
    @Body() request: RegisterObligationRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<ObligationResponse> {
    return this.commands.execute(new RegisterObligationCommand(request, actor, idempotencyKey));
  }
}

import { Body, Controller, Post } from '@nestjs/common';
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
import { SubmitApplicationCommand } from './submit-application.command';
import { SubmitApplicationRequest, SubmittedResponse } from './submit-application.request.dto';

@ApiTags('boards')
@ApiBearerAuth()
@Controller('applications')
export class SubmitApplicationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('board')
  @ApiOperation({
    summary: 'Receive an application (tiếp nhận hồ sơ đăng ký nhà ở xã hội) for a project of the board’s province',
    description:
      'Records ApplicationSubmitted on application-{id}; the application takes the project’s province. A submission is a fact: ' +
      'the same citizen applying elsewhere is accepted, and the duplicate-applicant detector judges it.',
  })
  @ApiCreatedResponse({ type: SubmittedResponse })
  @ApiBadRequestResponse({ description: 'A bad field, named (e.g. "household.1.citizenId must be exactly 12 digits"); nothing written' })
  @ApiForbiddenResponse({ description: 'Not a board, or the project is of another province' })
  @ApiNotFoundResponse({ description: 'PROJECT_NOT_FOUND' })
  @ApiConflictResponse({ description: 'APPLICATION_ALREADY_SUBMITTED (the chosen id is taken), IDEMPOTENCY_KEY_REUSED' })
  submit(
    @Body() request: SubmitApplicationRequest,
    @CurrentActor() actor: Actor,
    @IdempotencyKey() idempotencyKey: string | undefined,
  ): Promise<SubmittedResponse> {
    return this.commands.execute(new SubmitApplicationCommand(request, actor, idempotencyKey));
  }
}

import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags,
} from '@nestjs/swagger';
import { IdPath } from '../../../applications/commands/id-path.dto';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { ApplicationAsOfQuery } from './application-as-of.query';
import { ApplicationAsOfRequest } from './application-as-of.request.dto';
import { ApplicationAsOfView } from './application-as-of.view';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('applications')
export class ApplicationAsOfHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'An application as the ledger had recorded it at an instant (asOf) and/or as it stood on a legal date (validAt), with the events that made it so',
    description: 'A board reads its own province’s files. An inspector’s read is recorded (PersonalDataRead).',
  })
  @ApiOkResponse({ type: ApplicationAsOfView })
  @ApiBadRequestResponse({ description: 'A bad id or asOf' })
  @ApiForbiddenResponse({ description: 'Police, or a board and a file of another province' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND: not submitted by then' })
  get(@Param() path: IdPath, @Query() request: ApplicationAsOfRequest, @CurrentActor() actor: Actor): Promise<ApplicationAsOfView> {
    return this.queries.execute(new ApplicationAsOfQuery(path.id, request.asOf === undefined ? undefined : new Date(request.asOf), actor, request.validAt));
  }
}

import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { PeopleHistoryQuery } from './people-history.query';
import { CitizenIdPath } from './people-history.request.dto';
import { PersonHistoryView } from './person-history.view';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('people')
@UseInterceptors(FreshReadsInterceptor)
export class PeopleHistoryHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':citizenId/history')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'Every event that names this citizen id (applicant, household member, buyer…), in log order',
    description: 'A board sees only the events its province wrote. An inspector’s read is recorded (PersonalDataRead). 501 on EventStoreDB.',
  })
  @ApiOkResponse({ type: PersonHistoryView })
  @ApiBadRequestResponse({ description: 'Not a 12-digit citizen id' })
  @ApiForbiddenResponse({ description: 'Police' })
  history(@Param() path: CitizenIdPath, @CurrentActor() actor: Actor): Promise<PersonHistoryView> {
    return this.queries.execute(new PeopleHistoryQuery(path.citizenId, actor));
  }
}

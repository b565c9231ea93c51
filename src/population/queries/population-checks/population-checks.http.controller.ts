import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { IsIdentifier } from '../../../http/validation';
import type { Actor } from '../../../shared/actor';
import { PopulationChecksQuery } from './population-checks.query';
import { PopulationChecksView } from './population-checks.view';

class ApplicationIdPath {
  @IsIdentifier(64, { example: 'hp-trang-cat-hs-0001' })
  applicationId!: string;
}

@ApiTags('police')
@ApiBearerAuth()
@Controller('population/checks')
export class PopulationChecksHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':applicationId')
  @Roles('police', 'board', 'inspector', 'admin')
  @ApiOperation({
    summary: 'The police checks recorded for an application (kết quả đối chiếu)',
    description:
      'Identity, residence, household and housing facts per person, with the snapshots consulted; never income, category or decisions. Police and boards read their own province. A read by police, an inspector or an admin is recorded (PersonalDataRead).',
  })
  @ApiOkResponse({ type: PopulationChecksView })
  @ApiBadRequestResponse({ description: 'A bad id' })
  @ApiForbiddenResponse({ description: 'An application of another province' })
  @ApiNotFoundResponse({ description: 'APPLICATION_NOT_FOUND' })
  get(@Param() path: ApplicationIdPath, @CurrentActor() actor: Actor): Promise<PopulationChecksView> {
    return this.queries.execute(new PopulationChecksQuery(path.applicationId, actor));
  }
}

import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { FindingIdPath } from '../../findings/finding-id-path.dto';
import { FindingDetailView } from './finding-detail.view';
import { GetFindingQuery } from './get-finding.query';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('findings')
@UseInterceptors(FreshReadsInterceptor)
export class GetFindingHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'One finding with its evidence events in full (positions and hashes), read from the log',
    description: 'A board reads findings of its own province, and only the evidence its province wrote. An inspector’s read is recorded.',
  })
  @ApiOkResponse({ type: FindingDetailView })
  @ApiBadRequestResponse({ description: 'Not a finding id' })
  @ApiForbiddenResponse({ description: 'Police, or a board and a finding of another province' })
  @ApiNotFoundResponse({ description: 'FINDING_NOT_FOUND' })
  get(@Param() path: FindingIdPath, @CurrentActor() actor: Actor): Promise<FindingDetailView> {
    return this.queries.execute(new GetFindingQuery(path.id, actor));
  }
}

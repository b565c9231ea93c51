import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { FindingPageView } from '../../findings/finding.view';
import { ListFindingsQuery } from './list-findings.query';
import { ListFindingsRequest } from './list-findings.request.dto';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('findings')
@UseInterceptors(FreshReadsInterceptor)
export class ListFindingsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'Findings of the detectors, filtered and paged, in the order the log first showed them',
    description: 'Each with its latest review. A board sees its own province only. An inspector’s read is recorded (PersonalDataRead).',
  })
  @ApiOkResponse({ type: FindingPageView })
  @ApiBadRequestResponse({ description: 'A bad filter or page, named' })
  @ApiForbiddenResponse({ description: 'Police, or a board asking for another province' })
  list(@Query() request: ListFindingsRequest, @CurrentActor() actor: Actor): Promise<FindingPageView> {
    return this.queries.execute(new ListFindingsQuery(request, actor));
  }
}

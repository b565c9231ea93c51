import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { ProgrammeProgressQuery } from './programme-progress.query';
import { ProgrammeProvincePath } from './programme-progress.request.dto';
import { ProgrammeProgressView } from './programme-progress.view';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('programmes')
@UseInterceptors(FreshReadsInterceptor)
export class ProgrammeProgressHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':provinceCode/progress')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'Units released / allocated / handed over against the housing programme’s targets',
    description: 'Counted for the province with the provinces merged into it in 2025; a board reads its own province.',
  })
  @ApiOkResponse({ type: ProgrammeProgressView })
  @ApiBadRequestResponse({ description: 'Not a province code' })
  @ApiForbiddenResponse({ description: 'Police, or a board and another province' })
  progress(@Param() path: ProgrammeProvincePath, @CurrentActor() actor: Actor): Promise<ProgrammeProgressView> {
    return this.queries.execute(new ProgrammeProgressQuery(path.provinceCode, actor));
  }
}

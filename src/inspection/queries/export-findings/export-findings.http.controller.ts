import { Controller, Get, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import type { Actor } from '../../../shared/actor';
import { ExportFindingsQuery } from './export-findings.query';
import { ExportFindingsRequest } from './export-findings.request.dto';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('findings')
@UseInterceptors(FreshReadsInterceptor)
export class ExportFindingsHttpController {
  constructor(private readonly queries: QueryBus) {}

  // A static segment: the router prefers it to GET /findings/:id whatever the order of registration.
  @Get('export')
  @Roles('inspector', 'admin', 'board')
  @ApiOperation({
    summary: 'Download the findings (one row each, with their evidence event ids and latest review) as CSV or XLSX',
    description: 'A board exports its own province. An inspector’s export is recorded (PersonalDataRead, every finding and citizen in it).',
  })
  @ApiProduces('text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The file, as an attachment', schema: { type: 'string', format: 'binary' } })
  @ApiBadRequestResponse({ description: 'A bad format or filter, named' })
  @ApiForbiddenResponse({ description: 'Police, or a board asking for another province' })
  async export(@Query() request: ExportFindingsRequest, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const file = await this.queries.execute(new ExportFindingsQuery(request, actor));
    return new StreamableFile(file.body, { type: file.contentType, disposition: `attachment; filename="${file.filename}"`, length: file.body.length });
  }
}

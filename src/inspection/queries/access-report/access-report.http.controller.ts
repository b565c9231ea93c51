import { Controller, Get, Param, Query, StreamableFile, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Roles } from '../../../auth/auth.constants';
import { CurrentActor } from '../../../auth/current-actor.decorator';
import { FreshReadsInterceptor } from '../../../http/fresh-reads.interceptor';
import type { Actor } from '../../../shared/actor';
import { CitizenIdPath } from '../people-history/people-history.request.dto';
import { AccessReportQuery } from './access-report.handler';
import { AccessReportView } from './access-report.view';
import { accessReportWorkbook } from './access-report.xlsx';

export class AccessReportRequest {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}

@ApiTags('inspection')
@ApiBearerAuth()
@Controller('people')
@UseInterceptors(FreshReadsInterceptor)
export class AccessReportHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':citizenId/access-report')
  @Roles('inspector', 'admin')
  @ApiOperation({
    summary: 'Subject-access report: every recorded read of this person’s data (who, when, through which endpoint), as JSON or XLSX',
    description: 'From the PersonalDataRead events of the audit-reads-* streams. Producing it is recorded too. 501 on EventStoreDB.',
  })
  @ApiProduces('application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ type: AccessReportView })
  @ApiBadRequestResponse({ description: 'Not a 12-digit citizen id, or a bad format' })
  @ApiForbiddenResponse({ description: 'Boards and police' })
  async report(@Param() path: CitizenIdPath, @Query() request: AccessReportRequest, @CurrentActor() actor: Actor): Promise<AccessReportView | StreamableFile> {
    const report = await this.queries.execute(new AccessReportQuery(path.citizenId, actor));
    if (request.format !== 'xlsx') return report;
    const body = await accessReportWorkbook(report);
    return new StreamableFile(body, {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      disposition: `attachment; filename="truy-cap-${path.citizenId}.xlsx"`,
      length: body.length,
    });
  }
}

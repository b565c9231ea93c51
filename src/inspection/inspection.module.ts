import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PG_POOL } from '../database/database.module';
import { ReviewFindingHandler } from './commands/review-finding/review-finding.handler';
import { ReviewFindingHttpController } from './commands/review-finding/review-finding.http.controller';
import { PersonalDataReads } from './personal-data/personal-data-reads';
import { AccessReportHandler } from './queries/access-report/access-report.handler';
import { AccessReportHttpController } from './queries/access-report/access-report.http.controller';
import { ApplicationAsOfHandler } from './queries/application-as-of/application-as-of.handler';
import { ApplicationAsOfHttpController } from './queries/application-as-of/application-as-of.http.controller';
import { ExportFindingsHandler } from './queries/export-findings/export-findings.handler';
import { ExportFindingsHttpController } from './queries/export-findings/export-findings.http.controller';
import { GetFindingHandler } from './queries/get-finding/get-finding.handler';
import { GetFindingHttpController } from './queries/get-finding/get-finding.http.controller';
import { ListFindingsHandler } from './queries/list-findings/list-findings.handler';
import { ListFindingsHttpController } from './queries/list-findings/list-findings.http.controller';
import { CITIZEN_EVENTS, type CitizenEvents } from './queries/people-history/citizen-events.port';
import { PeopleHistoryHandler } from './queries/people-history/people-history.handler';
import { PeopleHistoryHttpController } from './queries/people-history/people-history.http.controller';
import { PostgresCitizenEvents, UnindexedCitizenEvents } from './queries/people-history/postgres-citizen-events';
import { ProgrammeProgressHandler } from './queries/programme-progress/programme-progress.handler';
import { ProgrammeProgressHttpController } from './queries/programme-progress/programme-progress.http.controller';

/**
 * The inspectorate's reads (findings, a person's history, time travel, programme progress,
 * exports) and its one write, the review of a finding. Every read of personal data by an
 * inspector, police officer or admin is recorded as PersonalDataRead.
 */
@Module({
  imports: [CqrsModule],
  controllers: [
    ListFindingsHttpController,
    ExportFindingsHttpController,
    GetFindingHttpController,
    ReviewFindingHttpController,
    PeopleHistoryHttpController,
    ApplicationAsOfHttpController,
    ProgrammeProgressHttpController,
    AccessReportHttpController,
  ],
  providers: [
    PersonalDataReads,
    {
      provide: CITIZEN_EVENTS,
      inject: [APP_CONFIG, PG_POOL],
      useFactory: (config: AppConfig, pool: Pool): CitizenEvents =>
        config.eventStore === 'postgres' ? new PostgresCitizenEvents(pool) : new UnindexedCitizenEvents(),
    },
    ListFindingsHandler,
    ExportFindingsHandler,
    GetFindingHandler,
    ReviewFindingHandler,
    PeopleHistoryHandler,
    ApplicationAsOfHandler,
    ProgrammeProgressHandler,
    AccessReportHandler,
  ],
  exports: [PersonalDataReads],
})
export class InspectionModule {}

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EligibilityModule } from '../eligibility/eligibility.module';
import { ImportApplicationsHttpController } from './commands/import-applications/import-applications.http.controller';
import { RecordEligibilityDecisionHandler } from './commands/record-eligibility-decision/record-eligibility-decision.handler';
import { RecordEligibilityDecisionHttpController } from './commands/record-eligibility-decision/record-eligibility-decision.http.controller';
import { RecordPriorityRankingHandler } from './commands/record-priority-ranking/record-priority-ranking.handler';
import { RecordPriorityRankingHttpController } from './commands/record-priority-ranking/record-priority-ranking.http.controller';
import { SubmitApplicationHandler } from './commands/submit-application/submit-application.handler';
import { SubmitApplicationHttpController } from './commands/submit-application/submit-application.http.controller';
import { WithdrawApplicationHandler } from './commands/withdraw-application/withdraw-application.handler';
import { WithdrawApplicationHttpController } from './commands/withdraw-application/withdraw-application.http.controller';

/** Applications (hồ sơ) from receipt to the priority order: submission, withdrawal, eligibility decisions, rankings. */
@Module({
  imports: [CqrsModule, EligibilityModule],
  controllers: [
    SubmitApplicationHttpController,
    WithdrawApplicationHttpController,
    RecordEligibilityDecisionHttpController,
    RecordPriorityRankingHttpController,
    ImportApplicationsHttpController,
  ],
  providers: [SubmitApplicationHandler, WithdrawApplicationHandler, RecordEligibilityDecisionHandler, RecordPriorityRankingHandler],
})
export class ApplicationsModule {}

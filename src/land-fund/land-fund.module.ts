import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RecordHandoverHandler } from './commands/record-handover/record-handover.handler';
import { RecordHandoverHttpController } from './commands/record-handover/record-handover.http.controller';
import { ListObligationsHandler } from './queries/list-obligations/list-obligations.handler';
import { ListObligationsHttpController } from './queries/list-obligations/list-obligations.http.controller';
import { RegisterObligationHandler } from './commands/register-obligation/register-obligation.handler';
import { RegisterObligationHttpController } from './commands/register-obligation/register-obligation.http.controller';

/** Commercial projects' duty to reserve land for social housing, and how each discharged it. */
@Module({
  imports: [CqrsModule],
  controllers: [RegisterObligationHttpController, RecordHandoverHttpController, ListObligationsHttpController],
  providers: [RegisterObligationHandler, RecordHandoverHandler, ListObligationsHandler],
})
export class LandFundModule {}

import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ReadStreamHandler } from './queries/read-stream/read-stream.handler';
import { ReadStreamHttpController } from './queries/read-stream/read-stream.http.controller';
import { VerifyLedgerHandler } from './queries/verify-ledger/verify-ledger.handler';
import { VerifyLedgerHttpController } from './queries/verify-ledger/verify-ledger.http.controller';

/** The inspectorate's raw view of the log and its tamper evidence. */
@Module({
  imports: [CqrsModule],
  controllers: [ReadStreamHttpController, VerifyLedgerHttpController],
  providers: [ReadStreamHandler, VerifyLedgerHandler],
})
export class AuditModule {}

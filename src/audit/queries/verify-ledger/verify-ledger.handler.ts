import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { LedgerVerificationService } from '../../verification/ledger-verification.service';
import { LedgerVerificationView } from './ledger-verification.view';
import { VerifyLedgerQuery } from './verify-ledger.query';

@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(private readonly verification: LedgerVerificationService) {}

  execute({ full }: VerifyLedgerQuery): Promise<LedgerVerificationView> {
    return this.verification.verify(full);
  }
}

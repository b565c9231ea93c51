import { Query } from '@nestjs/cqrs';
import { LedgerVerificationView } from './ledger-verification.view';

export class VerifyLedgerQuery extends Query<LedgerVerificationView> {
  constructor(readonly full = false) {
    super();
  }
}

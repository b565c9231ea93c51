import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { verifyLog } from '../../../event-store/verify-log';
import { LedgerVerificationView } from './ledger-verification.view';
import { VerifyLedgerQuery } from './verify-ledger.query';

@QueryHandler(VerifyLedgerQuery)
export class VerifyLedgerHandler implements IQueryHandler<VerifyLedgerQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute(): Promise<LedgerVerificationView> {
    const report = await verifyLog(this.store);
    return { ...report, lastCheckpoint: null };
  }
}

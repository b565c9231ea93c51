import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { beneficiariesOf } from '../../beneficiaries-of';
import { INCLUSION_PROOFS, type InclusionProofs } from '../../inclusion-proofs.port';
import { BeneficiariesQuery } from './beneficiaries.query';
import type { BeneficiariesView } from './beneficiaries.view';

@QueryHandler(BeneficiariesQuery)
export class BeneficiariesHandler implements IQueryHandler<BeneficiariesQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(INCLUSION_PROOFS) private readonly proofs: InclusionProofs,
  ) {}

  execute({ projectId }: BeneficiariesQuery): Promise<BeneficiariesView> {
    return beneficiariesOf(this.store, projectId, this.proofs);
  }
}

import { Query } from '@nestjs/cqrs';
import type { BeneficiariesView } from './beneficiaries.view';

export class BeneficiariesQuery extends Query<BeneficiariesView> {
  constructor(readonly projectId: string) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { FindingDetailView } from './finding-detail.view';

export class GetFindingQuery extends Query<FindingDetailView> {
  constructor(
    readonly findingId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

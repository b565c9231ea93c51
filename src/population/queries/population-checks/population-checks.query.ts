import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { PopulationChecksView } from './population-checks.view';

export class PopulationChecksQuery extends Query<PopulationChecksView> {
  constructor(
    readonly applicationId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

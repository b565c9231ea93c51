import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { PersonHistoryView } from './person-history.view';

export class PeopleHistoryQuery extends Query<PersonHistoryView> {
  constructor(
    readonly citizenId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

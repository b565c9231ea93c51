import { Query } from '@nestjs/cqrs';
import { Actor } from '../../../shared/actor';
import { StreamEventsView } from './stream-events.view';

export class ReadStreamQuery extends Query<StreamEventsView> {
  constructor(
    readonly stream: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { ApplicationAsOfView } from './application-as-of.view';

export class ApplicationAsOfQuery extends Query<ApplicationAsOfView> {
  constructor(
    readonly applicationId: string,
    /** Undefined: now. */
    readonly asOf: Date | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

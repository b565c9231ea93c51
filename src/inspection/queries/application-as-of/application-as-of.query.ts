import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { ApplicationAsOfView } from './application-as-of.view';

export class ApplicationAsOfQuery extends Query<ApplicationAsOfView> {
  constructor(
    readonly applicationId: string,
    /** Undefined: now. */
    readonly asOf: Date | undefined,
    readonly actor: Actor,
    /** A legal date: only events stating that day or earlier. Undefined: every event recorded by asOf. */
    readonly validAt?: string,
  ) {
    super();
  }
}

import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { ProgrammeProgressView } from './programme-progress.view';

export class ProgrammeProgressQuery extends Query<ProgrammeProgressView> {
  constructor(
    readonly provinceCode: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

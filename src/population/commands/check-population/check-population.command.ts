import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { CheckPopulationRequest, CheckTallyResponse } from './check-population.request.dto';

export class CheckPopulationCommand extends Command<CheckTallyResponse> {
  constructor(
    readonly request: CheckPopulationRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { ReleasedResponse, ReleaseUnitsRequest } from './release-units.request.dto';

export class ReleaseUnitsCommand extends Command<ReleasedResponse> {
  constructor(
    readonly projectId: string,
    readonly request: ReleaseUnitsRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

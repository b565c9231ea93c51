import { Command } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { RegisterProjectRequest } from './register-project.request.dto';

export class RegisterProjectCommand extends Command<{ id: string }> {
  constructor(
    readonly request: RegisterProjectRequest,
    readonly actor: Actor,
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}

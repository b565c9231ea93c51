import { DomainError } from '../../shared/domain-error';

export class IdempotentRequestInProgress extends DomainError {
  readonly status = 409;
  readonly code = 'IDEMPOTENCY_REQUEST_IN_PROGRESS';

  constructor(key: string) {
    super(`A request with Idempotency-Key ${key} is still being processed; retry it shortly`, { idempotencyKey: key });
  }
}

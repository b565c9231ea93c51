import { CodedError } from '../../shared/coded-error';

/** The HTTP layer's own conflict, neither a business rule nor the log's. */
export class IdempotentRequestInProgress extends CodedError {
  readonly status = 409;
  readonly code = 'IDEMPOTENCY_REQUEST_IN_PROGRESS';

  constructor(key: string) {
    super(`A request with Idempotency-Key ${key} is still being processed; retry it shortly`, { idempotencyKey: key });
  }
}

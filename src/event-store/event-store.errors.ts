import { DomainError } from '../shared/domain-error';
import { ExpectedRevision } from './event-store.port';

/** A stale expected revision. Never swallowed: a lost conflict is a lost allocation. */
export class ConcurrencyConflict extends DomainError {
  readonly status = 409;
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(readonly stream: string, readonly expected: ExpectedRevision, readonly actual: number) {
    super(
      `Stream ${stream} was expected at ${String(expected)} but is at ${actual === -1 ? 'no_stream' : actual}`,
      { stream, expected: String(expected), actual },
    );
  }
}

export class IdempotencyKeyReused extends DomainError {
  readonly status = 409;
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(key: string) {
    super(`Idempotency key ${key} was already used for a different request`, { idempotencyKey: key });
  }
}

export class EventTooLarge extends DomainError {
  readonly status = 413;
  readonly code = 'EVENT_TOO_LARGE';

  constructor(type: string, bytes: number, limit: number) {
    super(`Event ${type} is ${bytes} bytes; the limit is ${limit} bytes`, { type, bytes, limit });
  }
}

export class InvalidEvent extends DomainError {
  readonly status = 400;
  readonly code = 'INVALID_EVENT';
}

/** EventStoreDB only: a multi-stream append that another writer interrupted half-way. */
export class PartialAppend extends DomainError {
  readonly status = 409;
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(readonly writtenStreams: string[], readonly conflict: ConcurrencyConflict) {
    super(`${conflict.message}; already written: ${writtenStreams.join(', ')}`, {
      written: writtenStreams,
      ...conflict.details,
    });
  }
}

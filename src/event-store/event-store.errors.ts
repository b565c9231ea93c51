import { CodedError } from '../shared/coded-error';
import { ExpectedRevision } from './event-store.port';

/**
 * The log could not take a write. Not a business refusal: nothing about the command is recorded
 * for it, and a lost race (`ConcurrencyConflict`) may be retried on fresh state.
 */
export abstract class EventStoreError extends CodedError {}

/** A stale expected revision. Never swallowed: a lost conflict is a lost allocation. */
export class ConcurrencyConflict extends EventStoreError {
  readonly status = 409;
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(readonly stream: string, readonly expected: ExpectedRevision, readonly actual: number) {
    super(
      `Stream ${stream} was expected at ${String(expected)} but is at ${actual === -1 ? 'no_stream' : actual}`,
      { stream, expected: String(expected), actual },
    );
  }
}

export class IdempotencyKeyReused extends EventStoreError {
  readonly status = 409;
  readonly code = 'IDEMPOTENCY_KEY_REUSED';

  constructor(key: string) {
    super(`Idempotency key ${key} was already used for a different request`, { idempotencyKey: key });
  }
}

export class EventTooLarge extends EventStoreError {
  readonly status = 413;
  readonly code = 'EVENT_TOO_LARGE';

  constructor(type: string, bytes: number, limit: number) {
    super(`Event ${type} is ${bytes} bytes; the limit is ${limit} bytes`, { type, bytes, limit });
  }
}

export class InvalidEvent extends EventStoreError {
  readonly status = 400;
  readonly code = 'INVALID_EVENT';
}

/**
 * A payload that is not plain JSON (`undefined`, a function, a non-finite number, a class instance,
 * a NUL or a lone surrogate): JSON and jsonb would store something other than what was hashed, and
 * the chain would then call an honest event altered.
 */
export class EventNotPlainJson extends InvalidEvent {
  constructor(type: string, path: string, problem: string) {
    super(`Event ${type} is not plain JSON: ${path} ${problem}`, { type, path });
  }
}

/** EventStoreDB only: a multi-stream append that another writer interrupted half-way. */
export class PartialAppend extends EventStoreError {
  readonly status = 409;
  readonly code = 'CONCURRENCY_CONFLICT';

  constructor(readonly writtenStreams: string[], readonly conflict: ConcurrencyConflict) {
    super(`${conflict.message}; already written: ${writtenStreams.join(', ')}`, {
      written: writtenStreams,
      ...conflict.details,
    });
  }
}

import type { ReadSideEvent } from '../../src/event-store/event-store.port';

/**
 * An event the ledger projection cannot apply (a payload no read model can hold). The projection
 * stops there rather than skip it: findings built past a hole would be wrong. `/health` names it.
 */
export class UnappliableEvent extends Error {
  readonly eventId: string;
  readonly stream: string;
  readonly type: string;
  readonly position: string;

  constructor(event: ReadSideEvent, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Event ${event.eventId} (${event.type} on ${event.stream}, position ${event.position.commit}/${event.position.prepare}) cannot be applied: ${reason}`, { cause });
    this.name = 'UnappliableEvent';
    this.eventId = event.eventId;
    this.stream = event.stream;
    this.type = event.type;
    this.position = `${event.position.commit}/${event.position.prepare}`;
  }
}

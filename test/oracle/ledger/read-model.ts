import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { DomainEvent } from '../../../src/shared/decider';

/** One read model's share of the ledger projection: it updates its tables for the events it knows. */
export type ReadModelApplier = (event: ReadSideEvent, tx: EntityManager) => Promise<void>;

/**
 * The stored event seen as its domain type. Stored payloads were written from these types; a
 * changed shape gets a new schema version and an upcaster before it reaches a read model.
 */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a named cast: the caller says which event it holds
export function as<E extends DomainEvent>(event: ReadSideEvent): E['data'] {
  return event.data;
}

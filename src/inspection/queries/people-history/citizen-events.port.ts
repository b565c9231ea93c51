import type { StoredEvent } from '../../../event-store/event-store.port';

export const CITIZEN_EVENTS = Symbol('CitizenEvents');

/**
 * Every event that names a citizen id, anywhere in its data, in log order. The event store port
 * has no such search: it is a question for where the events can be searched.
 *
 * PostgreSQL answers from the events table (jsonb path search, see postgres-citizen-events.ts).
 * EventStoreDB cannot search payloads: it would need an index built from the log, either a
 * projection writing (citizen_id, stream, revision, position) rows into PostgreSQL as events
 * arrive, or a server-side projection linking each event into a `citizen-{id}` stream.
 */
export interface CitizenEvents {
  naming(citizenId: string): Promise<StoredEvent[]>;
}

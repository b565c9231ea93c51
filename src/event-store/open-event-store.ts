import type { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import type { Clock } from '../shared/clock';
import type { EventStore } from './event-store.port';
import { PostgresEventStore } from './postgres/postgres-event-store';

/**
 * The backend EVENT_STORE names, for the service and the CLI alike. The EventStoreDB client (and
 * gRPC under it, 152 modules) is imported only when used: it was a tenth of the service's start-up
 * CPU on a PostgreSQL installation.
 */
export async function openEventStore(
  config: Pick<AppConfig, 'eventStore' | 'eventStoreConnectionString' | 'maxEventBytes'>,
  pool: Pool,
  clock: Clock,
): Promise<EventStore> {
  if (config.eventStore === 'esdb' && config.eventStoreConnectionString) {
    const { EventStoreDbEventStore } = await import('./eventstoredb/eventstoredb-event-store.js');
    return EventStoreDbEventStore.connect(config.eventStoreConnectionString, clock, config.maxEventBytes);
  }
  return new PostgresEventStore(pool, clock, config.maxEventBytes);
}

import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { PG_POOL } from '../database/database.module';
import { type Clock, CLOCK } from '../shared/clock';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { openEventStore } from './open-event-store';

/** Binds the EventStore port to the backend EVENT_STORE names. */
@Global()
@Module({
  providers: [
    {
      provide: EVENT_STORE,
      inject: [APP_CONFIG, PG_POOL, CLOCK],
      useFactory: (config: AppConfig, pool: Pool, clock: Clock): Promise<EventStore> => openEventStore(config, pool, clock),
    },
  ],
  exports: [EVENT_STORE],
})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

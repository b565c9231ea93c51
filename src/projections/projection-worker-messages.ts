import type { AppConfig } from '../config/app-config';
import type { ProjectionFailure } from './live-projections';

/** What the projections worker needs of the service's settings: plain data, cloned into the thread. */
export type ProjectionWorkerConfig = Pick<AppConfig, 'databaseUrl' | 'eventStore' | 'eventStoreConnectionString' | 'maxEventBytes' | 'projectionMaxRows'>;

/** From the service to the worker. */
export type ToProjectionWorker = { kind: 'stop' } | { kind: 'hurry' };

/** From the worker to the service. */
export type FromProjectionWorker =
  | { kind: 'error'; message: string }
  | { kind: 'failures'; failures: ProjectionFailure[] }
  /** Every projection has let go of the database: the thread may be ended. */
  | { kind: 'stopped' };

import { EventStore1763900000000 } from './1763900000000-event-store';
import { ProjectionCheckpoints1763900000001 } from './1763900000001-projection-checkpoints';

/** Every migration, in order. Run at start-up by `runMigrations`. */
export const MIGRATIONS = [EventStore1763900000000, ProjectionCheckpoints1763900000001];

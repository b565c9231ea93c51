import { UnappliableEvent } from '../../projections/ledger/unappliable-event';
import type { Projection } from '../../projections/runner/projection';
import type { LiveOptions, LiveProjection, ProjectionRunner } from '../../projections/runner/projection-runner';
import { describeError } from '../shared/describe-error';

/** A projection stopped at an event it cannot apply: what /health names until it moves on. */
export interface ProjectionFailure {
  projection: string;
  eventId: string;
  stream: string;
  type: string;
  position: string;
  error: string;
  since: string;
}

/** The projections the service keeps current, wherever they run (this thread or a worker). */
export interface LiveProjections {
  /** Projections stopped at an event they cannot apply (empty when all move). */
  failures(): ProjectionFailure[];
  /** A reader waits for the read models: every projection reads the log's head now (LiveProjection.hurry). */
  hurry(): void;
  stop(): Promise<void>;
}

export interface LiveProjectionsEvents {
  /** A projection stopped on an error; the runner retries it from its checkpoint. */
  onError(message: string): void;
  /** The set of stuck projections changed: it is what `failures()` answers now. */
  onFailuresChanged?(failures: ProjectionFailure[]): void;
}

/**
 * Runs every projection live in this thread: the runner retries a projection after an error, from
 * its checkpoint; one stopped at an event it cannot apply is remembered until it applies a batch.
 */
export function runLiveProjections(
  runner: ProjectionRunner,
  projections: readonly Projection[],
  events: LiveProjectionsEvents,
  options: LiveOptions = {},
): LiveProjections {
  const stuck = new Map<string, ProjectionFailure>();
  const changed = () => events.onFailuresChanged?.([...stuck.values()]);
  const running: LiveProjection[] = projections.map((projection) =>
    runner.live(
      projection,
      (error) => {
        if (error instanceof UnappliableEvent) {
          stuck.set(projection.name, {
            projection: projection.name, eventId: error.eventId, stream: error.stream, type: error.type, position: error.position, error: error.message,
            since: stuck.get(projection.name)?.since ?? new Date().toISOString(),
          });
          changed();
        }
        events.onError(`Projection ${projection.name} stopped on an error and will retry: ${describeError(error)}`);
      },
      () => {
        if (stuck.delete(projection.name)) changed();
      },
      options,
    ),
  );
  return {
    failures: () => [...stuck.values()],
    hurry() {
      for (const live of running) live.hurry();
    },
    async stop() {
      await Promise.all(running.map((live) => live.stop()));
    },
  };
}

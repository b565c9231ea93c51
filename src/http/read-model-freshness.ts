import type { LogPosition } from '../event-store/event-store.port';

/**
 * What a read of the read models waits on: the projections having applied the log up to a
 * position. A port, so the contexts whose queries wait never import the projections themselves.
 */
export interface ReadModelFreshness {
  /** Resolves once every projection has applied the log up to `position` (default: the last event written now). */
  awaitCaughtUp(position?: LogPosition): Promise<void>;
}

export const READ_MODEL_FRESHNESS = Symbol('ReadModelFreshness');

import type { EntityManager } from 'typeorm';
import type { HashesPage, LogPosition, ReadSideEvent } from '../../src/event-store/event-store.port';

/**
 * A read model or detector built from the log. `apply` writes through the transaction it is
 * given, the same one that moves the checkpoint: a batch lands whole or not at all, so a crash at
 * any instant neither loses nor double-applies an event. A batch is the log's events, or, for a
 * HashesProjection, only their hashes and positions.
 */
export interface Projection<Batch = ReadSideEvent[]> {
  /** Stable: the checkpoint and the leader lock are keyed by it. */
  readonly name: string;
  /** The tables it owns; a rebuild empties them. */
  readonly tables: readonly string[];
  // apply and fold are function-typed, not methods: a projection that asks more of an event than a
  // batch holds (a StoredEvent's revision, say) then fails to compile, where a method's parameter
  // would be let through.
  readonly apply: (batch: Batch, tx: EntityManager) => Promise<void>;
  /**
   * `apply` in two halves, for a runner that overlaps batches: folds the events in memory now and
   * returns their writes, which nothing the next fold does can change. Null when the projection
   * cannot fold now; the runner then waits for the writes in flight and calls `apply`. It may give
   * the event loop back while it folds (HTTP requests go on) and may read through `reader`, never
   * write: the last batch's writes may still be landing, so what it reads of the rows they change
   * is older than what it holds.
   */
  readonly fold?: (batch: Batch, reader: EntityManager) => Promise<((tx: EntityManager) => Promise<void>) | null>;
  /** Forgets whatever the projection keeps in memory between batches: called when a batch's transaction failed. */
  reset?(): void;
  /**
   * Called when a runner starts leading, with the checkpoint the tables hold: memory that stands
   * anywhere else (another process wrote since, or a rebuild emptied the tables) must be dropped.
   */
  resumeAt?(checkpoint: LogPosition): void;
}

/**
 * A projection that reads the log as EventStore.readAllHashes does (catch-up and rebuild only):
 * the Merkle tree, whose leaves are the events' hashes.
 */
export interface HashesProjection extends Projection<HashesPage> {
  /** The streams whose events it reads whole (HashesPage.whole). */
  readonly wholeEventsOf: readonly string[];
}

export const PROJECTIONS = Symbol('Projections');

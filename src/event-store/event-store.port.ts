import { Actor } from '../shared/actor';
import { JsonObject } from '../shared/json';

export const EVENT_STORE = Symbol('EventStore');

/**
 * What the writer expects the stream to look like before its append:
 * `'any'`: no check; `'no_stream'`: the stream has no event yet; `'exists'`: it has at least one;
 * a number: its last event has exactly that revision (revisions start at 0).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'exists' | number;

/**
 * A place in the global log. Both backends order the log by a pair:
 * EventStoreDB by its commit/prepare positions; PostgreSQL by (transaction id, sequence),
 * see `postgres-event-store.ts` for why the sequence alone is not a safe order.
 */
export interface LogPosition {
  commit: bigint;
  prepare: bigint;
}

export const LOG_START: LogPosition = { commit: 0n, prepare: 0n };

export const isBefore = (a: LogPosition, b: LogPosition): boolean => a.commit < b.commit || (a.commit === b.commit && a.prepare < b.prepare);

export interface NewEvent {
  type: string;
  data: JsonObject;
  /** Payload schema version, for upcasters; 1 unless the payload changed shape. */
  schemaVersion?: number;
}

export interface EventMetadata {
  eventId: string;
  /** The idempotency key of the command that wrote the event, when it had one. */
  commandId?: string;
  correlationId: string;
  causationId?: string;
  actor: Actor;
  recordedAt: string;
  schemaVersion: number;
}

export interface StoredEvent {
  eventId: string;
  stream: string;
  revision: number;
  /** A number unique to the event and increasing within each writer's commits; not the read order. */
  globalPosition: bigint;
  position: LogPosition;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  /** Hash of the previous event of the same stream (64 zeros for the first). */
  prevHash: string;
  /** SHA-256 over prevHash, revision and the canonical JSON of stream, type, data, metadata. */
  hash: string;
}

/**
 * An event as the projections read it: the payload and what the read models record of its
 * envelope, without the hashes, the revision or the rest of the metadata. A StoredEvent is one.
 */
export type ReadSideEvent = Pick<StoredEvent, 'eventId' | 'stream' | 'position' | 'type' | 'data'> & {
  metadata: Pick<EventMetadata, 'recordedAt'> & { actor: Pick<Actor, 'subject'> };
};

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /** A retry with the same key returns the first result and writes nothing. */
  idempotencyKey?: string;
  actor: Actor;
  correlationId?: string;
  causationId?: string;
}

export type WriteOptions = Omit<AppendOptions, 'expectedRevision'>;

export interface StreamAppend {
  stream: string;
  events: NewEvent[];
  expectedRevision: ExpectedRevision;
}

/** A stream to create with its first and only event (expected revision 'no_stream'). */
export interface NewStream {
  stream: string;
  event: NewEvent;
}

/**
 * Options of `appendNewStreams`. No idempotency key: each stream's 'no_stream' expectation already
 * makes a retried chunk write nothing twice (every stream then comes back in `existing`).
 */
export type NewStreamsOptions = Omit<WriteOptions, 'idempotencyKey'>;

export interface NewStreamsResult {
  /** The events written, in input order. */
  events: WrittenEvent[];
  /** Streams not written because they already had an event (or repeat an earlier entry), in input order. */
  existing: string[];
}

export interface WrittenEvent {
  eventId: string;
  stream: string;
  revision: number;
  globalPosition: bigint;
  position: LogPosition;
}

export interface AppendResult {
  events: WrittenEvent[];
  /** True when an earlier append with the same idempotency key is returned instead. */
  replayed: boolean;
}

export interface ReadStreamOptions {
  fromRevision?: number;
  /** Time travel: only events recorded at or before this instant. */
  until?: Date;
}

export interface ReadAllOptions {
  /** Exclusive: the events strictly after this position. */
  after?: LogPosition;
  limit: number;
}

export interface ReadAllResult {
  events: StoredEvent[];
  /** Where the next read continues: the last event's position, or `after` when none. */
  next: LogPosition;
}

export interface ReadAllForProjectionsResult {
  events: ReadSideEvent[];
  next: LogPosition;
}

export interface ReadAllHashesOptions {
  /** Exclusive: the events strictly after this position. */
  after?: LogPosition;
  limit: number;
  /** The streams whose events the page also holds whole (`HashesPage.whole`). */
  wholeEventsOf: readonly string[];
}

/**
 * A page of the log in read order with only what a hash over it needs: each event's hash and
 * position, and whole events for a few streams. The Merkle tree reads the log this way
 * (readAllHashes): an event object per leaf, built from a row per leaf, cost it more than hashing.
 */
export interface HashesPage {
  /** How many events the page holds. */
  readonly length: number;
  /** The i-th event's hash, as `StoredEvent.hash`. */
  hash(i: number): string;
  /** The i-th event's position. */
  position(i: number): LogPosition;
  /** The page's events of the `wholeEventsOf` streams, as readAll reads them, with their place in the page; in read order. */
  readonly whole: readonly { index: number; event: StoredEvent }[];
  /** Where the next read continues: the last event's position, or `after` when none. */
  readonly next: LogPosition;
}

/** An event with data and metadata as the JSON text its backend holds (any key order and spacing). */
export type StoredEventText = Omit<StoredEvent, 'data' | 'metadata'> & { dataText: string; metadataText: string };

export interface ReadAllTextResult {
  events: StoredEventText[];
  next: LogPosition;
}

export interface SubscribeOptions {
  after: LogPosition;
  batchSize?: number;
  /** The handler persists its own checkpoint (with its rows, in one transaction). */
  onBatch: (events: ReadSideEvent[], next: LogPosition) => Promise<void>;
  onError: (error: unknown) => void;
  /** Under a steady stream of writes, read at most this often (MIN_READ_GAP_MS when unset); `hurry` cuts a gap short. */
  readGapMs?: number;
}

export interface Subscription {
  stop(): Promise<void>;
  /** Reads what was written without waiting out the gap between reads: a reader waits for it. */
  hurry(): void;
}

/**
 * The event log, backend-neutral. Every implementation passes `test/event-store.contract.ts`.
 *
 * Atomic multi-stream append (`appendMany`): PostgreSQL writes all streams in one transaction
 * (a unit and a person's benefit claim together or not at all). EventStoreDB (@eventstore/db-client)
 * has no multi-stream transaction: its adapter checks every stream's expected revision first and
 * then appends stream by stream; if another writer slips in between, it throws
 * `PartialAppend` naming what was written, and the caller compensates (reservation pattern:
 * claim the person first, release the claim if the unit append then fails).
 */
export interface EventStore {
  readonly backend: 'postgres' | 'esdb';
  readonly atomicMultiStream: boolean;
  append(stream: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult>;
  appendMany(appends: StreamAppend[], options: WriteOptions): Promise<AppendResult>;
  /**
   * Creates many streams with one event each, every one as `append(stream, [event], 'no_stream')`
   * would, but not all-or-nothing: a stream that already exists is skipped and reported, the others
   * are written. Bulk intake; PostgreSQL writes the chunk in one statement and one transaction,
   * EventStoreDB one stream after the other.
   */
  appendNewStreams(streams: NewStream[], options: NewStreamsOptions): Promise<NewStreamsResult>;
  /** The stream's events in revision order; empty when the stream does not exist. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** Many streams at once, each exactly as `readStream` reads it (empty when absent): batch work reads thousands. */
  readStreams(streams: string[]): Promise<Map<string, StoredEvent[]>>;
  /** The global log in its total order, never skipping an event that commits late. */
  readAll(options: ReadAllOptions): Promise<ReadAllResult>;
  /**
   * `readAll` with the payloads as text: the verifier hashes them (canonical-json-text.ts) and
   * never needs them as objects, which would cost it a parse and a copy per event.
   */
  readAllText(options: ReadAllOptions): Promise<ReadAllTextResult>;
  /**
   * `readAll` as the projections read it (ReadSideEvent): the same events, pages and positions.
   * On the 1M-event bench log PostgreSQL gave these at 155,000 events/s against 96,000–114,000
   * whole (hashes, revision and metadata are half of each row's text).
   */
  readAllForProjections(options: ReadAllOptions): Promise<ReadAllForProjectionsResult>;
  /** `readAll` with only each event's hash and position, but for the streams named (HashesPage). */
  readAllHashes(options: ReadAllHashesOptions): Promise<HashesPage>;
  subscribeToAll(options: SubscribeOptions): Subscription;
  /** The position of the last event written: a reader that has passed it has seen every write made so far. */
  headPosition(): Promise<LogPosition>;
  /**
   * The furthest position among the events this instance has appended or replayed (undefined before
   * the first): a reader that has passed it sees every write this instance has answered for, and
   * knowing it costs no round trip, unlike `headPosition`.
   */
  lastAppended(): LogPosition | undefined;
  /** How many events lie after a position (projection lag), counting at most `cap`. */
  countAfter(position: LogPosition, cap: number): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

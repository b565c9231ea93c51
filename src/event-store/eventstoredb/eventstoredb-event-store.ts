import { setTimeout as sleep } from 'node:timers/promises';
import {
  BACKWARDS, END, EventStoreDBClient, jsonEvent, NO_STREAM, START, StreamNotFoundError, WrongExpectedVersionError,
} from '@eventstore/db-client';
import { chunks } from '../../shared/chunks';
import type { Clock } from '../../shared/clock';
import type { JsonObject } from '../../shared/json';
import { ConcurrencyConflict, IdempotencyKeyReused, PartialAppend } from '../event-store.errors';
import {
  type AppendOptions, type AppendResult, type EventStore, type ExpectedRevision, type LogPosition, LOG_START,
  type HashesPage, type NewEvent, type NewStream, type NewStreamsOptions, type NewStreamsResult, type ReadAllForProjectionsResult, type ReadAllHashesOptions, type ReadAllOptions, type ReadAllResult, type ReadAllTextResult, type ReadStreamOptions, type StoredEvent, type StreamAppend,
  type Subscription, type SubscribeOptions, type WriteOptions, type WrittenEvent,
} from '../event-store.port';
import { FurthestAppend } from '../furthest-append';
import { hashesPageOf } from '../hashes-page';
import { chainHash, GENESIS_HASH } from '../hash-chain';
import { fingerprint, type PreparedAppend, prepareAppends } from '../prepare-events';
import { pollingSubscription } from '../polling-subscription';
import {
  chainFields, idempotencyStream, isLedgerEvent, positionOf, type Recorded, samePosition, toStoredEvent, toWrittenEvent,
} from './esdb-records';

const MAX_ATTEMPTS = 50;
const REPLAY_WAIT_MS = 2_000;
const MIN_PAGE = 256;
const READS_IN_FLIGHT = 16;


interface Tip {
  revision: number;
  hash: string;
}

interface IdempotencyRecord {
  fingerprint: string;
  events: { eventId: string; stream: string; revision: number; commit: string; prepare: string }[];
}

const NO_TIP: Tip = { revision: -1, hash: GENESIS_HASH };

/**
 * The event log on EventStoreDB/KurrentDB. ESDB orders the log and guards each stream's revision;
 * the hash chain, time travel and idempotency are layered on top, in the same shapes as PostgreSQL.
 * Multi-stream appends are not atomic (see `EventStore`): a conflict found after the first stream
 * was written surfaces as `PartialAppend`.
 */
/** System events written after the ledger's last event that headPosition looks past; scavenged servers write few. */
const HEAD_SCAN = 4096;

export class EventStoreDbEventStore implements EventStore {
  readonly backend = 'esdb';
  readonly atomicMultiStream = false;
  private readonly appended = new FurthestAppend();

  private constructor(
    private readonly client: EventStoreDBClient,
    private readonly clock: Clock,
    private readonly maxEventBytes: number,
  ) {}

  static connect(connectionString: string, clock: Clock, maxEventBytes: number): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), clock, maxEventBytes);
  }

  append(stream: string, events: NewEvent[], { expectedRevision, ...options }: AppendOptions): Promise<AppendResult> {
    return this.appendMany([{ stream, events, expectedRevision }], options);
  }

  /**
   * Idempotency is best-effort here, unlike PostgreSQL: ESDB cannot record the key in the same
   * transaction as the events, so the key's record is appended after them. A retry racing the first
   * request is still answered with the first result when the streams' expected revisions make one of
   * them lose; two racing requests that both expect 'any' can both write.
   */
  async appendMany(appends: StreamAppend[], options: WriteOptions): Promise<AppendResult> {
    return this.appended.note(await this.writeOrReplay(appends, options));
  }

  private async writeOrReplay(appends: StreamAppend[], options: WriteOptions): Promise<AppendResult> {
    const prepared = prepareAppends(appends, options, this.clock.now(), this.maxEventBytes);
    const key = options.idempotencyKey;
    if (key === undefined) return { events: await this.write(prepared), replayed: false };

    const print = fingerprint(appends);
    const earlier = await this.replay(key, print);
    if (earlier) return earlier;
    let events: WrittenEvent[];
    try {
      events = await this.write(prepared);
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict || error instanceof PartialAppend)) throw error;
      const winner = await this.awaitReplay(key, print);
      if (winner) return winner;
      throw error;
    }
    await this.record(key, print, events);
    return { events, replayed: false };
  }

  /**
   * ESDB has no multi-stream write: one append per stream, in input order, each expecting no
   * stream; a stream another writer created (or an earlier entry repeated) comes back as existing.
   */
  async appendNewStreams(streams: NewStream[], options: NewStreamsOptions): Promise<NewStreamsResult> {
    const prepared = prepareAppends(
      streams.map(({ stream, event }) => ({ stream, events: [event], expectedRevision: 'no_stream' as const })),
      options,
      this.clock.now(),
      this.maxEventBytes,
    );
    const result: NewStreamsResult = { events: [], existing: [] };
    for (const p of prepared) {
      try {
        result.events.push(...(await this.writeStream(p, NO_TIP)));
      } catch (error) {
        if (!(error instanceof ConcurrencyConflict)) throw error;
        result.existing.push(p.stream);
      }
    }
    return this.appended.note(result);
  }

  async readStreams(streams: string[]): Promise<Map<string, StoredEvent[]>> {
    const unique = [...new Set(streams)];
    const read = new Map<string, StoredEvent[]>();
    // ESDB reads one stream per call; a few in flight keep the connection busy without flooding it.
    for (const batch of chunks(unique, READS_IN_FLIGHT)) {
      const events = await Promise.all(batch.map((s) => this.readStream(s)));
      batch.forEach((s, j) => read.set(s, events[j]));
    }
    return read;
  }

  async readStream(stream: string, { fromRevision = 0, until }: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const records = await this.readRecords(stream, { fromRevision: BigInt(fromRevision) });
    const events = records.map(toStoredEvent);
    return until ? events.filter((e) => Date.parse(e.metadata.recordedAt) <= until.getTime()) : events;
  }

  async readAll({ after, limit }: ReadAllOptions): Promise<ReadAllResult> {
    const events: StoredEvent[] = [];
    const pageSize = Math.max(limit + 1, MIN_PAGE);
    let cursor = after;
    for (;;) {
      const page: Recorded[] = [];
      for await (const { event } of this.client.readAll({ fromPosition: cursor ?? START, maxCount: pageSize })) {
        if (event) page.push(event);
      }
      // fromPosition is inclusive: the event at the cursor was delivered (or skipped) already.
      const from = cursor;
      const fresh = from ? page.filter((e) => !samePosition(positionOf(e), from)) : page;
      events.push(...fresh.filter(isLedgerEvent).map(toStoredEvent));
      if (events.length >= limit || page.length < pageSize) break;
      cursor = positionOf(page[page.length - 1]);
    }
    const delivered = events.slice(0, limit);
    return { events: delivered, next: delivered.length > 0 ? delivered[delivered.length - 1].position : (after ?? LOG_START) };
  }

  async readAllText(options: ReadAllOptions): Promise<ReadAllTextResult> {
    // The client parses every event's JSON itself: the text is written back from the objects.
    const { events, next } = await this.readAll(options);
    return { events: events.map(({ data, metadata, ...event }) => ({ ...event, dataText: JSON.stringify(data), metadataText: JSON.stringify(metadata) })), next };
  }

  readAllForProjections(options: ReadAllOptions): Promise<ReadAllForProjectionsResult> {
    // The client sends every event whole: a StoredEvent is already a ReadSideEvent.
    return this.readAll(options);
  }

  async readAllHashes({ wholeEventsOf, ...options }: ReadAllHashesOptions): Promise<HashesPage> {
    // The client sends every event whole: there is nothing to leave out.
    const { events, next } = await this.readAll(options);
    return hashesPageOf(events, wholeEventsOf, next);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return pollingSubscription(this, options);
  }

  lastAppended(): LogPosition | undefined {
    return this.appended.position;
  }

  async headPosition(): Promise<LogPosition> {
    // Walks back past the server's own system events to the last event of the ledger.
    for await (const { event } of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: HEAD_SCAN })) {
      if (event && isLedgerEvent(event)) return positionOf(event);
    }
    return LOG_START;
  }

  async countAfter(position: LogPosition, cap: number): Promise<number> {
    return (await this.readAll({ after: position, limit: cap })).events.length;
  }

  async ping(): Promise<void> {
    for await (const _ of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) {
      // Reaching the server is the check; the event itself is not needed.
    }
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** Checks every stream before writing any, so a conflict visible up front writes nothing. */
  private async write(prepared: PreparedAppend[]): Promise<WrittenEvent[]> {
    const tips = await Promise.all(prepared.map((p) => this.tip(p.stream)));
    prepared.forEach((p, i) => assertExpected(p.stream, p.expectedRevision, tips[i].revision));
    const written: WrittenEvent[] = [];
    const done: string[] = [];
    for (const [i, p] of prepared.entries()) {
      try {
        written.push(...(await this.writeStream(p, tips[i])));
      } catch (error) {
        if (error instanceof ConcurrencyConflict && done.length > 0) throw new PartialAppend(done, error);
        throw error;
      }
      done.push(p.stream);
    }
    return written;
  }

  /**
   * Appends at exactly the tip the hashes were computed on, so a chain can never fork. 'any' and
   * 'exists' accept whatever tip wins, so a lost race re-reads it and re-chains the events.
   */
  private async writeStream(p: PreparedAppend, firstTip: Tip): Promise<WrittenEvent[]> {
    let tip = firstTip;
    for (let attempt = 1; ; attempt += 1) {
      assertExpected(p.stream, p.expectedRevision, tip.revision);
      let prevHash = tip.hash;
      const events = p.events.map((e, i) => {
        const hash = chainHash(prevHash, tip.revision + 1 + i, e.body);
        const metadata = { ...e.metadata, prevHash, hash };
        prevHash = hash;
        return jsonEvent({ id: e.eventId, type: e.type, data: e.data, metadata });
      });
      try {
        await this.client.appendToStream(p.stream, events, {
          expectedRevision: tip.revision === -1 ? NO_STREAM : BigInt(tip.revision),
        });
        const records = await this.readRecords(p.stream, { fromRevision: BigInt(tip.revision + 1), maxCount: events.length });
        return records.map(toWrittenEvent);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        const retry = p.expectedRevision === 'any' || p.expectedRevision === 'exists';
        if (!retry || attempt >= MAX_ATTEMPTS) {
          const actual = error.actualVersion === NO_STREAM ? -1 : Number(error.actualVersion);
          throw new ConcurrencyConflict(p.stream, p.expectedRevision, actual);
        }
        await sleep(Math.random() * Math.min(250, 5 * 2 ** attempt));
        tip = await this.tip(p.stream);
      }
    }
  }

  private async tip(stream: string): Promise<Tip> {
    const last = (await this.readRecords(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 1 })).at(0);
    return last ? { revision: Number(last.revision), hash: chainFields(last).hash } : NO_TIP;
  }

  /** A stream's records, none when it does not exist. */
  private async readRecords(
    stream: string,
    options: { fromRevision: bigint | typeof END; maxCount?: number; direction?: typeof BACKWARDS },
  ): Promise<Recorded[]> {
    const records: Recorded[] = [];
    try {
      for await (const { event } of this.client.readStream(stream, options)) {
        if (event) records.push(event);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return records;
  }

  private async replay(key: string, print: string): Promise<AppendResult | undefined> {
    const record = (await this.readRecords(idempotencyStream(key), { fromRevision: 0n, maxCount: 1 })).at(0);
    if (!record) return undefined;
    const stored = record.data as IdempotencyRecord;
    if (stored.fingerprint !== print) throw new IdempotencyKeyReused(key);
    return {
      replayed: true,
      events: stored.events.map((e) => ({
        eventId: e.eventId,
        stream: e.stream,
        revision: e.revision,
        globalPosition: BigInt(e.prepare),
        position: { commit: BigInt(e.commit), prepare: BigInt(e.prepare) },
      })),
    };
  }

  /** A conflict under an idempotency key may be a concurrent retry that won: give it time to record. */
  private async awaitReplay(key: string, print: string): Promise<AppendResult | undefined> {
    const deadline = Date.now() + REPLAY_WAIT_MS;
    for (;;) {
      const result = await this.replay(key, print);
      if (result || Date.now() >= deadline) return result;
      await sleep(100);
    }
  }

  private async record(key: string, print: string, events: WrittenEvent[]): Promise<void> {
    const data: IdempotencyRecord = {
      fingerprint: print,
      events: events.map((e) => ({
        eventId: e.eventId,
        stream: e.stream,
        revision: e.revision,
        commit: e.position.commit.toString(),
        prepare: e.position.prepare.toString(),
      })),
    };
    try {
      await this.client.appendToStream(
        idempotencyStream(key),
        jsonEvent({ type: 'IdempotencyKeyRecorded', data: data as unknown as JsonObject }),
        { expectedRevision: NO_STREAM },
      );
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      throw new Error(
        `Idempotency key ${key} was recorded by a concurrent request while this one wrote ${events.map((e) => e.stream).join(', ')}: both writes stand`,
        { cause: error },
      );
    }
  }
}

function assertExpected(stream: string, expected: ExpectedRevision, actual: number): void {
  const ok = expected === 'any'
    || (expected === 'no_stream' && actual === -1)
    || (expected === 'exists' && actual >= 0)
    || expected === actual;
  if (!ok) throw new ConcurrencyConflict(stream, expected, actual);
}

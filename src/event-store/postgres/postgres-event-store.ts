import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Pool, PoolClient } from 'pg';
import { Clock } from '../../shared/clock';
import { JsonObject } from '../../shared/json';
import { IdempotencyKeyReused } from '../event-store.errors';
import {
  AppendOptions, AppendResult, EventMetadata, EventStore, LogPosition, LOG_START, NewEvent, NewStream, NewStreamsOptions,
  HashesPage, NewStreamsResult, ReadAllForProjectionsResult, ReadAllHashesOptions, ReadAllOptions, ReadAllResult, ReadAllTextResult, ReadSideEvent, ReadStreamOptions, StoredEvent, StoredEventText, StreamAppend, Subscription, SubscribeOptions,
  WriteOptions,
} from '../event-store.port';
import { fingerprint, PreparedAppend, prepareAppends } from '../prepare-events';
import { MIN_READ_GAP_MS, pollingSubscription } from '../polling-subscription';
import { CoalescedRead } from './coalesced-read';
import { PackedHashesPage, POSITION_BYTES } from './packed-hashes-page';
import { FurthestAppend } from '../furthest-append';
import { AppendGroups, appendResultOf, type AppendRow, batchesOf, conflictOf } from './append-group';

// The text form of tx_id gets its own name: an ORDER BY tx_id would otherwise sort by this text
// ('1000' before '761') instead of the xid8 column, and a reader would skip events.
const SELECT_EVENT = `SELECT event_id, stream_id, stream_revision, global_position, tx_id::text AS tx_text,
  type, data, metadata, prev_hash, hash FROM events`;


/** SELECT_EVENT with data and metadata as jsonb's text, which pg would otherwise parse. */
const SELECT_EVENT_TEXT = `SELECT event_id, stream_id, stream_revision, global_position, tx_id::text AS tx_text,
  type, data::text AS data, metadata::text AS metadata, prev_hash, hash FROM events`;

/** What readAllForProjections reads of an event: the two metadata fields picked out by PostgreSQL, the rest of it never sent. */
const SELECT_READ_SIDE_EVENT = `SELECT event_id, stream_id, global_position, tx_id::text AS tx_text, type, data,
  metadata->>'recordedAt' AS recorded_at, metadata->'actor'->>'subject' AS recorded_by FROM events`;

/**
 * Read order. A sequence number alone is not safe to tail: transaction A can take position 10,
 * B position 11, and B commit first; a reader that saw 11 and moved its checkpoint past 10 would
 * never see A. So the log is read in (transaction id, position) order, and only events of
 * transactions older than the oldest one still running (the snapshot's xmin) are delivered:
 * no transaction below that horizon can still commit, so nothing can appear behind a checkpoint.
 */
const SAFE_HORIZON = `tx_id < pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * `readAllHashes` in one row, over a page of the log read as readAll reads it: the hashes end to end
 * (as text: `uniform` says whether each is 64 one-byte characters, and the cast to text drops a
 * char(64)'s trailing blanks), the positions packed in binary, and whole events of the streams in $4
 * as JSON rows, numbers as text as pg gives them. A row per event cost the tree more in Node (pg's
 * row parsing, an object per event, their GC) than its hashing did (bench: npm run bench -- event-store).
 */
const HASHES_AFTER = `SELECT a.hashes, a.uniform, a.positions, w.events FROM (
    SELECT string_agg(hash::text, '' ORDER BY tx_id, global_position) AS hashes, bool_and(octet_length(hash) = 64) AS uniform,
      string_agg(xid8send(tx_id) || int8send(global_position), ''::bytea ORDER BY tx_id, global_position) AS positions,
      array_agg(global_position) FILTER (WHERE stream_id = ANY($4::text[])) AS whole
    FROM (${pageAfter('SELECT tx_id, global_position, hash, stream_id FROM events')}) page) a
  CROSS JOIN LATERAL (SELECT json_agg(e) AS events FROM (SELECT event_id, stream_id, stream_revision::text AS stream_revision,
    global_position::text AS global_position, tx_id::text AS tx_text, type, data, metadata, prev_hash, hash
    FROM events WHERE global_position = ANY(a.whole)) e) w`;

interface HashesRow {
  hashes: string | null;
  uniform: boolean | null;
  positions: Buffer | null;
  events: EventRow[] | null;
}

interface EventRow {
  event_id: string;
  stream_id: string;
  stream_revision: string;
  global_position: string;
  tx_text: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  prev_hash: string;
  hash: string;
}

type EventTextRow = Omit<EventRow, 'data' | 'metadata'> & { data: string; metadata: string };

type ReadSideEventRow = Pick<EventRow, 'event_id' | 'stream_id' | 'global_position' | 'tx_text' | 'type' | 'data'> & { recorded_at: string; recorded_by: string };

export class PostgresEventStore implements EventStore {
  readonly backend = 'postgres';
  readonly atomicMultiStream = true;
  private announcing = false;
  private announceAgain = false;
  private readonly groups: AppendGroups;
  private readonly head = new CoalescedRead(() => this.readHead());
  private readonly appended = new FurthestAppend();

  constructor(
    private readonly pool: Pool,
    private readonly clock: Clock,
    private readonly maxEventBytes: number,
    /** Group-commit calls running at once (append-group.ts): one commits while the next executes. */
    appendCallsInFlight = 2,
  ) {
    this.groups = new AppendGroups(pool, appendCallsInFlight, () => {
      this.announce();
    });
  }

  append(stream: string, events: NewEvent[], { expectedRevision, ...options }: AppendOptions): Promise<AppendResult> {
    return this.appendMany([{ stream, events, expectedRevision }], options);
  }

  async appendMany(appends: StreamAppend[], options: WriteOptions): Promise<AppendResult> {
    const prepared = prepareAppends(appends, options, this.clock.now(), this.maxEventBytes);
    // Only a key's retry is compared with its first request; without a key nothing needs the print.
    const print = options.idempotencyKey === undefined ? '' : fingerprint(appends);
    const streams = new Set(prepared.map((p) => p.stream));
    if (streams.size === prepared.length) return this.appended.note(await this.groups.append({ prepared, idempotencyKey: options.idempotencyKey, print }));
    // A stream named twice: its second check must see its first writes, which only noxh_append does.
    const client = await this.pool.connect();
    try {
      const result = await this.appendWith(client, prepared, options.idempotencyKey, print);
      if (!result.replayed) this.announce();
      return this.appended.note(result);
    } finally {
      client.release();
    }
  }

  async appendNewStreams(streams: NewStream[], options: NewStreamsOptions): Promise<NewStreamsResult> {
    if (streams.length === 0) return { events: [], existing: [] };
    const prepared = prepareAppends(
      streams.map(({ stream, event }) => ({ stream, events: [event], expectedRevision: 'no_stream' as const })),
      options,
      this.clock.now(),
      this.maxEventBytes,
    );
    const events = prepared.map((p) => p.events[0]);
    const { rows } = await this.pool.query<{ result: { written: Partial<Record<string, string>>; commit: string | null } }>(
      'SELECT noxh_append_new_streams($1::uuid[], $2::text[], $3::json) AS result',
      [events.map((e) => e.eventId), prepared.map((p) => p.stream), JSON.stringify(events.map((e) => e.body))],
    );
    const { written, commit } = rows[0].result;
    const result: NewStreamsResult = { events: [], existing: [] };
    const seen = new Set<string>();
    prepared.forEach((p, i) => {
      const position = written[p.stream];
      // A repeated stream was written for its first entry only: a later one is reported as existing.
      if (position === undefined || commit === null || seen.has(p.stream)) {
        result.existing.push(p.stream);
        return;
      }
      seen.add(p.stream);
      result.events.push({
        eventId: events[i].eventId,
        stream: p.stream,
        revision: 0,
        globalPosition: BigInt(position),
        position: { commit: BigInt(commit), prepare: BigInt(position) },
      });
    });
    if (result.events.length > 0) this.announce();
    return this.appended.note(result);
  }

  /**
   * Wakes subscriptions after an append has committed. Not inside the append: NOTIFY holds a
   * database-wide lock from commit until the commit is flushed, which made every append wait for
   * the one before it. At most one announcement is in flight; appends that commit meanwhile get
   * one more. A lost one only delays readers until their idle poll.
   */
  private announce(): void {
    if (this.announcing) {
      this.announceAgain = true;
      return;
    }
    this.announcing = true;
    void (async () => {
      for (;;) {
        this.announceAgain = false;
        const sent = performance.now();
        await this.pool
          .query(`BEGIN; SET LOCAL synchronous_commit TO off; SELECT pg_notify('noxh_events', ''); COMMIT`)
          .catch(() => undefined);
        // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- announce() sets it again while the query is awaited
        if (!this.announceAgain) break;
        // Readers read at most this often under load: more announcements would only cost a transaction each.
        await sleep(Math.max(0, sent + MIN_READ_GAP_MS - performance.now()));
      }
      this.announcing = false;
    })();
  }

  /**
   * Runs the append on a given connection; the contract test uses it to hold a transaction open.
   * Subscriptions are not woken by it: a caller that commits later finds them by their idle poll.
   */
  async appendWith(client: PoolClient, prepared: PreparedAppend[], idempotencyKey: string | undefined, print: string): Promise<AppendResult> {
    try {
      const { rows } = await client.query<{ result: AppendRow }>(
        'SELECT noxh_append($1::jsonb, $2, $3) AS result',
        [JSON.stringify(batchesOf(prepared)), idempotencyKey ?? null, print],
      );
      return appendResultOf(rows[0].result);
    } catch (error) {
      throw translate(error, idempotencyKey);
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<EventRow>(
      `${SELECT_EVENT} WHERE stream_id = $1 AND stream_revision >= $2 AND ($3::timestamptz IS NULL OR recorded_at <= $3)
       ORDER BY stream_revision`,
      [stream, options.fromRevision ?? 0, options.until ?? null],
    );
    return rows.map(toStoredEvent);
  }

  async readStreams(streams: string[]): Promise<Map<string, StoredEvent[]>> {
    const read = new Map<string, StoredEvent[]>(streams.map((s) => [s, []]));
    if (streams.length === 0) return read;
    const { rows } = await this.pool.query<EventRow>(`${SELECT_EVENT} WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, stream_revision`, [
      [...read.keys()],
    ]);
    for (const row of rows) read.get(row.stream_id)?.push(toStoredEvent(row));
    return read;
  }

  async readAll({ after = LOG_START, limit }: ReadAllOptions): Promise<ReadAllResult> {
    const { rows } = await this.pool.query<EventRow>(pageAfter(SELECT_EVENT), [after.commit.toString(), after.prepare.toString(), limit]);
    return pageOf(rows.map(toStoredEvent), after);
  }

  async readAllForProjections({ after = LOG_START, limit }: ReadAllOptions): Promise<ReadAllForProjectionsResult> {
    const { rows } = await this.pool.query<ReadSideEventRow>(pageAfter(SELECT_READ_SIDE_EVENT), [after.commit.toString(), after.prepare.toString(), limit]);
    return pageOf(rows.map(toReadSideEvent), after);
  }

  async readAllHashes({ after = LOG_START, limit, wholeEventsOf }: ReadAllHashesOptions): Promise<HashesPage> {
    const [from, at] = [after.commit.toString(), after.prepare.toString()];
    const { rows } = await this.pool.query<HashesRow>(HASHES_AFTER, [from, at, limit, wholeEventsOf]);
    const { hashes, uniform, positions, events } = rows[0];
    if (positions === null || hashes === null) return new PackedHashesPage(Buffer.alloc(0), '', [], after);
    const count = positions.length / POSITION_BYTES;
    // A hash not of 64 one-byte characters (written behind the store's back) cannot be cut out of
    // the others: the page's hashes are read again one by one, as readAll would give them.
    const read = uniform === true && hashes.length === 64 * count
      ? hashes
      : (await this.pool.query<{ hash: string }>(pageAfter('SELECT hash FROM events'), [from, at, count])).rows.map((r) => r.hash);
    return new PackedHashesPage(positions, read, (events ?? []).map(toStoredEvent), after);
  }

  async readAllText({ after = LOG_START, limit }: ReadAllOptions): Promise<ReadAllTextResult> {
    const { rows } = await this.pool.query<EventTextRow>(pageAfter(SELECT_EVENT_TEXT), [after.commit.toString(), after.prepare.toString(), limit]);
    return pageOf(rows.map(toStoredEventText), after);
  }

  subscribeToAll(options: SubscribeOptions): Subscription {
    return pollingSubscription(this, options, (wake) => this.listen(wake));
  }

  lastAppended(): LogPosition | undefined {
    return this.appended.position;
  }

  headPosition(): Promise<LogPosition> {
    return this.head.get();
  }

  private async readHead(): Promise<LogPosition> {
    // The greatest position committed, whatever still runs below it: readers reach it once those settle.
    const { rows } = await this.pool.query<{ tx_text: string; global_position: string }>(
      'SELECT tx_id::text AS tx_text, global_position FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1',
    );
    return rows[0] ? { commit: BigInt(rows[0].tx_text), prepare: BigInt(rows[0].global_position) } : LOG_START;
  }

  async countAfter(position: LogPosition, cap: number): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM events WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint)
       LIMIT $3) behind`,
      [position.commit.toString(), position.prepare.toString(), cap],
    );
    return Number(rows[0].n);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1 FROM events LIMIT 1');
  }

  async close(): Promise<void> {
    // The pool belongs to whoever created it (the database module or the test).
  }

  /** Wakes a subscription as soon as an append commits (NOTIFY is delivered at commit). */
  private async listen(wake: () => void): Promise<() => Promise<void>> {
    const client = await this.pool.connect();
    // A checked-out client the server drops (restart, DROP DATABASE … FORCE) emits 'error'; with
    // no listener that would crash the process. The subscription's idle poll carries on without it.
    let lost: Error | undefined;
    const onError = (error: Error): void => {
      lost = error;
    };
    client.on('error', onError);
    client.on('notification', wake);
    await client.query('LISTEN noxh_events');
    return async () => {
      client.off('notification', wake);
      if (!lost) await client.query('UNLISTEN noxh_events').catch(() => undefined);
      client.off('error', onError);
      // A lost connection goes back destroyed, not into the pool.
      client.release(lost);
    };
  }
}

/** A page of the log in read order: $3 events after position ($1, $2), by one of the SELECTs above. */
function pageAfter(select: string): string {
  return `${select} WHERE (tx_id, global_position) > ($1::text::xid8, $2::bigint) AND ${SAFE_HORIZON}
    ORDER BY events.tx_id, events.global_position LIMIT $3`;
}

/** The page and where the next one starts: after its last event, or where this one was asked from. */
function pageOf<E extends { position: LogPosition }>(events: E[], after: LogPosition): { events: E[]; next: LogPosition } {
  return { events, next: events.length > 0 ? events[events.length - 1].position : after };
}

function toStoredEvent(row: EventRow): StoredEvent {
  const globalPosition = BigInt(row.global_position);
  return {
    eventId: row.event_id,
    stream: row.stream_id,
    revision: Number(row.stream_revision),
    globalPosition,
    position: { commit: BigInt(row.tx_text), prepare: globalPosition },
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toReadSideEvent(row: ReadSideEventRow): ReadSideEvent {
  return {
    eventId: row.event_id,
    stream: row.stream_id,
    position: { commit: BigInt(row.tx_text), prepare: BigInt(row.global_position) },
    type: row.type,
    data: row.data,
    metadata: { recordedAt: row.recorded_at, actor: { subject: row.recorded_by } },
  };
}

function toStoredEventText(row: EventTextRow): StoredEventText {
  const globalPosition = BigInt(row.global_position);
  return {
    eventId: row.event_id,
    stream: row.stream_id,
    revision: Number(row.stream_revision),
    globalPosition,
    position: { commit: BigInt(row.tx_text), prepare: globalPosition },
    type: row.type,
    dataText: row.data,
    metadataText: row.metadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function translate(error: unknown, idempotencyKey: string | undefined): unknown {
  const pgError = error as { code?: string; detail?: string };
  if (pgError.code === 'NX001' && pgError.detail) {
    return conflictOf(JSON.parse(pgError.detail) as { stream: string; expected: string; actual: number });
  }
  if (pgError.code === 'NX002' && idempotencyKey) return new IdempotencyKeyReused(idempotencyKey);
  return error;
}

import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson, JsonValue } from '../shared/json';
import { EventTooLarge, InvalidEvent } from './event-store.errors';
import { EventMetadata, StreamAppend, WriteOptions } from './event-store.port';
import { eventBody } from './hash-chain';

export interface PreparedEvent {
  eventId: string;
  type: string;
  data: StreamAppend['events'][number]['data'];
  metadata: EventMetadata;
  body: string;
}

export interface PreparedAppend {
  stream: string;
  expectedRevision: StreamAppend['expectedRevision'];
  events: PreparedEvent[];
}

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;
const EVENT_TYPE = /^[A-Z][A-Za-z0-9]{0,99}$/;

/**
 * Checks and stamps events before either backend writes them, so both refuse the same input
 * with the same error and write nothing.
 */
export function prepareAppends(appends: StreamAppend[], options: WriteOptions, now: Date, maxEventBytes: number): PreparedAppend[] {
  if (appends.length === 0) throw new InvalidEvent('An append needs at least one stream');
  const correlationId = options.correlationId ?? randomUUID();
  return appends.map(({ stream, events, expectedRevision }) => {
    if (!STREAM_NAME.test(stream)) throw new InvalidEvent(`Invalid stream name "${stream}"`, { stream });
    if (events.length === 0) throw new InvalidEvent(`No events to append to ${stream}`, { stream });
    if (typeof expectedRevision === 'number' && (!Number.isSafeInteger(expectedRevision) || expectedRevision < 0)) {
      throw new InvalidEvent(`Invalid expected revision ${expectedRevision}`, { stream });
    }
    return {
      stream,
      expectedRevision,
      events: events.map((event) => {
        if (!EVENT_TYPE.test(event.type)) throw new InvalidEvent(`Invalid event type "${event.type}"`, { type: event.type });
        assertStorableJson(event.data, event.type);
        const metadata: EventMetadata = {
          eventId: randomUUID(),
          ...(options.idempotencyKey !== undefined && { commandId: options.idempotencyKey }),
          correlationId,
          ...(options.causationId !== undefined && { causationId: options.causationId }),
          actor: options.actor,
          recordedAt: now.toISOString(),
          schemaVersion: event.schemaVersion ?? 1,
        };
        const body = eventBody(stream, event.type, event.data, metadata);
        const bytes = Buffer.byteLength(body, 'utf8');
        if (bytes > maxEventBytes) throw new EventTooLarge(event.type, bytes, maxEventBytes);
        return { eventId: metadata.eventId, type: event.type, data: event.data, metadata, body };
      }),
    };
  });
}

/** What makes two appends "the same request" for an idempotency key: streams, expectations, payloads. */
export function fingerprint(appends: StreamAppend[]): string {
  const essence = appends.map((a) => ({
    stream: a.stream,
    expectedRevision: String(a.expectedRevision),
    events: a.events.map((e) => ({ type: e.type, data: e.data })),
  }));
  return createHash('sha256').update(canonicalJson(essence as unknown as JsonValue)).digest('hex');
}

/** PostgreSQL's jsonb refuses NUL and lone surrogates; refuse them up front with a clear error. */
function assertStorableJson(value: JsonValue, type: string): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000') || !value.isWellFormed()) {
      throw new InvalidEvent(`Event ${type} holds a string with a NUL character or a broken surrogate pair`, { type });
    }
  } else if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new InvalidEvent(`Event ${type} holds a non-finite number`, { type });
  } else if (Array.isArray(value)) {
    value.forEach((v) => assertStorableJson(v, type));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      assertStorableJson(k, type);
      assertStorableJson(v, type);
    }
  }
}

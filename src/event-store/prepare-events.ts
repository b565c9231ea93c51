import { createHash, randomUUID } from 'node:crypto';
import { canonicalJson } from '../shared/json';
import { firstNotPlainJson } from '../shared/plain-json';
import { EventNotPlainJson, EventTooLarge, InvalidEvent } from './event-store.errors';
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
        const metadata: EventMetadata = {
          eventId: randomUUID(),
          ...(options.idempotencyKey !== undefined && { commandId: options.idempotencyKey }),
          correlationId,
          ...(options.causationId !== undefined && { causationId: options.causationId }),
          actor: options.actor,
          recordedAt: now.toISOString(),
          schemaVersion: event.schemaVersion ?? 1,
        };
        assertPlainJson(event.type, event.data, metadata);
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
  return createHash('sha256').update(canonicalJson(essence)).digest('hex');
}

/**
 * The last line of defence behind request validation: what is hashed must be exactly what either
 * backend stores and reads back, or the chain would call an honest event altered.
 */
function assertPlainJson(type: string, data: unknown, metadata: EventMetadata): void {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new EventNotPlainJson(type, 'data', 'is not an object');
  const found = firstNotPlainJson(data, 'data') ?? firstNotPlainJson(metadata, 'metadata');
  if (found) throw new EventNotPlainJson(type, found.path, found.problem);
}

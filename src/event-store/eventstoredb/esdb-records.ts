import { createHash } from 'node:crypto';
import type { Position } from '@eventstore/db-client';
import type { JsonObject } from '../../shared/json';
import type { EventMetadata, LogPosition, StoredEvent, WrittenEvent } from '../event-store.port';

/** How ESDB records become ledger events: the mapping half of the EventStoreDB adapter. */

const IDEMPOTENCY_PREFIX = 'noxh-idempotency-';

/** What the adapter reads of an ESDB record; the client's own types stay in the adapter. */
export interface Recorded {
  id: string;
  streamId: string;
  revision: bigint;
  type: string;
  data: unknown;
  metadata: unknown;
  position?: Position;
}

export function idempotencyStream(key: string): string {
  return `${IDEMPOTENCY_PREFIX}${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** User events only: not ESDB's own ($stats, $settings, metadata) nor the idempotency records. */
export function isLedgerEvent(e: Recorded): boolean {
  return !e.type.startsWith('$') && !e.streamId.startsWith('$') && !e.streamId.startsWith(IDEMPOTENCY_PREFIX);
}

export function positionOf(e: Recorded): Position {
  if (!e.position) throw new Error(`EventStoreDB returned no log position for event ${e.id}: the server predates 22.6`);
  return e.position;
}

export function samePosition(a: LogPosition, b: LogPosition): boolean {
  return a.commit === b.commit && a.prepare === b.prepare;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** An event that did not come through this adapter cannot be shown as a ledger event; say which. */
export function chainFields(e: Recorded): { prevHash: string; hash: string; metadata: EventMetadata } {
  const raw = e.metadata;
  if (!isObject(raw) || typeof raw.prevHash !== 'string' || typeof raw.hash !== 'string') {
    throw new Error(`Event ${e.id} (${e.streamId}@${e.revision}) has no hash-chain metadata: it was not written by the ledger`);
  }
  const { prevHash, hash, ...metadata } = raw;
  return { prevHash, hash, metadata: metadata as unknown as EventMetadata };
}

export function toWrittenEvent(e: Recorded): WrittenEvent {
  const position = positionOf(e);
  return { eventId: e.id, stream: e.streamId, revision: Number(e.revision), globalPosition: position.prepare, position };
}

export function toStoredEvent(e: Recorded): StoredEvent {
  if (!isObject(e.data)) throw new Error(`Event ${e.id} (${e.streamId}@${e.revision}) holds no JSON object: it was not written by the ledger`);
  const { prevHash, hash, metadata } = chainFields(e);
  return { ...toWrittenEvent(e), type: e.type, data: e.data as JsonObject, metadata, prevHash, hash };
}

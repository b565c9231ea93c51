import { Inject } from '@nestjs/common';
import { forbidden } from '../../../auth/auth-errors';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { recordPersonalDataRead } from '../../../inspection/personal-data/personal-data-reads';
import { CLOCK, type Clock } from '../../../shared/clock';
import type { JsonValue } from '../../../shared/json';
import { StreamNotFound } from '../../audit.errors';
import { ReadStreamQuery } from './read-stream.query';
import { RawEventView } from '../../../event-store/stored-event.view';
import { StreamEventsView } from './stream-events.view';

@QueryHandler(ReadStreamQuery)
export class ReadStreamHandler implements IQueryHandler<ReadStreamQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ stream, actor }: ReadStreamQuery): Promise<StreamEventsView> {
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new StreamNotFound(stream);
    // A board reads only what its own province wrote (API.md: boards read their own province).
    if (actor.role === 'board' && events.some((e) => e.metadata.actor.province !== actor.province)) {
      throw forbidden(`Luồng ${stream} có sự kiện của tỉnh khác`, `Stream ${stream} holds events of another province`);
    }
    // Raw events are personal data too; only the audit log of reads is not itself recorded (it would never end).
    if (!stream.startsWith('audit-reads-')) {
      const citizenIds = events.flatMap((e) => citizenIdsIn(e.data));
      await recordPersonalDataRead(this.store, this.clock, actor, { endpoint: 'GET /api/v1/streams/:streamId/events', ids: [stream], citizenIds });
    }
    return { stream, events: events.map((e) => RawEventView.of(e)) };
  }
}

/** Every citizen id an event names, wherever in its payload (applicant, household, buyer…). */
function citizenIdsIn(value: JsonValue, key = ''): string[] {
  if (typeof value === 'string') return /citizenid$/i.test(key) && /^\d{12}$/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => citizenIdsIn(v, key));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => citizenIdsIn(v, k));
  return [];
}

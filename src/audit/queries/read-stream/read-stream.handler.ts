import { ForbiddenException, Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { StreamNotFound } from '../../audit.errors';
import { ReadStreamQuery } from './read-stream.query';
import { RawEventView, StreamEventsView } from './stream-events.view';

@QueryHandler(ReadStreamQuery)
export class ReadStreamHandler implements IQueryHandler<ReadStreamQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ stream, actor }: ReadStreamQuery): Promise<StreamEventsView> {
    const events = await this.store.readStream(stream);
    if (events.length === 0) throw new StreamNotFound(stream);
    // A board reads only what its own province wrote (API.md: boards read their own province).
    if (actor.role === 'board' && events.some((e) => e.metadata.actor.province !== actor.province)) {
      throw new ForbiddenException(`Stream ${stream} holds events of another province`);
    }
    return { stream, events: events.map(RawEventView.of) };
  }
}

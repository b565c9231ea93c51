import type { HashesPage, LogPosition, StoredEvent } from './event-store.port';

/** A HashesPage over events already read whole: for a backend that cannot read less (EventStoreDB). */
export function hashesPageOf(events: readonly StoredEvent[], wholeEventsOf: readonly string[], next: LogPosition): HashesPage {
  const streams = new Set(wholeEventsOf);
  return {
    length: events.length,
    hash: (i) => events[i].hash,
    position: (i) => events[i].position,
    whole: events.flatMap((event, index) => (streams.has(event.stream) ? [{ index, event }] : [])),
    next,
  };
}

import type { DomainEvent } from '../shared/decider';
import type { JsonObject } from '../shared/json';
import type { NewEvent } from './event-store.port';

/** A typed domain event as the store takes it: event payloads are plain JSON by construction (STYLE.md). */
export const toNewEvent = (event: DomainEvent): NewEvent => ({ type: event.type, data: event.data as unknown as JsonObject });

import type { StoredEvent } from '../../src/event-store/event-store.port';
import { swappedDayMonth } from '../../src/shared/identity/identity-similarity';
import { streamKindOf } from '../../src/shared/streams';

/** The ids a batch names, by what they identify: what a partial state reads before folding it. */
export interface BatchKeys {
  readonly applications: Set<string>;
  readonly citizens: Set<string>;
  readonly projects: Set<string>;
  readonly birthDates: Set<string>;
}

/**
 * Collects the ids named anywhere in the batch's payloads, by field name. It is a guess at what
 * the fold will ask for, not a promise: whatever it misses, the fold records and the next round
 * reads. An application event's project is left out: it would read every file of the project
 * for each submission, and only allocations and lotteries need the whole project.
 */
export function keysOfBatch(events: readonly StoredEvent[]): BatchKeys {
  const keys: BatchKeys = { applications: new Set(), citizens: new Set(), projects: new Set(), birthDates: new Set() };
  for (const event of events) collect(event.data, keys, streamKindOf(event.stream) === 'application');
  for (const date of [...keys.birthDates]) {
    const swapped = swappedDayMonth(date);
    if (swapped) keys.birthDates.add(swapped);
  }
  return keys;
}

function collect(value: unknown, keys: BatchKeys, ofApplication: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, keys, ofApplication);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [field, inner] of Object.entries(value)) {
    if (typeof inner === 'string') {
      if (field === 'applicationId') keys.applications.add(inner);
      else if (field.endsWith('itizenId')) keys.citizens.add(inner);
      else if (field === 'dateOfBirth') keys.birthDates.add(inner);
      else if (field === 'projectId' && !ofApplication) keys.projects.add(inner);
    } else collect(inner, keys, ofApplication);
  }
}

import type { ReadSideEvent } from '../../src/event-store/event-store.port';
import { normalizeName } from '../../src/shared/identity/normalize-name';
import { streamKindOf } from '../../src/shared/streams';
import type { PersonIdentity } from './identity-index';

/** The ids a batch names, by what they identify: what a partial state reads before folding it. */
export interface BatchKeys {
  readonly applications: Set<string>;
  readonly citizens: Set<string>;
  readonly projects: Set<string>;
  /** The people the batch declares (anything with a citizen id, a name and a birth date). */
  readonly identities: PersonIdentity[];
}

/**
 * Collects the ids named anywhere in the batch's payloads, by field name. It is a guess at what
 * the fold will ask for, not a promise: whatever it misses, the fold records and the next round
 * reads. An application event's project is left out: it would read every file of the project
 * for each submission, and only allocations and lotteries need the whole project.
 */
export function keysOfBatch(events: readonly ReadSideEvent[]): BatchKeys {
  const keys: BatchKeys = { applications: new Set(), citizens: new Set(), projects: new Set(), identities: [] };
  for (const event of events) collect(event.data, keys, streamKindOf(event.stream) === 'application');
  return keys;
}

function collect(value: unknown, keys: BatchKeys, ofApplication: boolean): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, keys, ofApplication);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const { citizenId, fullName, dateOfBirth, gender } = value as Record<string, unknown>;
  if (typeof citizenId === 'string' && typeof fullName === 'string' && typeof dateOfBirth === 'string') {
    keys.identities.push({ citizenId, nameNorm: normalizeName(fullName), dateOfBirth, gender: typeof gender === 'string' ? gender : null });
  }
  for (const [field, inner] of Object.entries(value)) {
    if (typeof inner === 'string') {
      if (field === 'applicationId') keys.applications.add(inner);
      else if (field.endsWith('itizenId')) keys.citizens.add(inner);
      else if (field === 'projectId' && !ofApplication) keys.projects.add(inner);
    } else collect(inner, keys, ofApplication);
  }
}

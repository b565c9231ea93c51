import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type NewEvent } from '../../event-store/event-store.port';
import type { Actor, Role } from '../../shared/actor';
import { CLOCK, type Clock } from '../../shared/clock';
import { inspectionStreams } from '../domain/inspection.streams';
import type { PersonalDataRead } from '../domain/personal-data-read.events';

/**
 * Whose reads are recorded. API.md names inspectors and police; admins (operators) are added so
 * no one outside a province's own board reads personal data unrecorded. Boards reading their own
 * province's files are the controller of that data, processing it, and are not.
 */
export const RECORDED_ROLES: readonly Role[] = ['inspector', 'police', 'admin'];

/** Ids per event: an export of many findings becomes several events, each far under MAX_EVENT_BYTES. */
const IDS_PER_EVENT = 1000;

export interface PersonalDataAccess {
  /** Method and route, e.g. `GET /api/v1/people/:citizenId/history`. */
  endpoint: string;
  /** What was asked for: finding, application ids, the citizen id looked up, filters. */
  ids: string[];
  /** Whose personal data the answer held. */
  citizenIds: string[];
}

/**
 * Appends PersonalDataRead to the day's `audit-reads-…` stream, in the event store like every
 * other fact, so the record of a read is hash-chained and as hard to remove as the data read.
 * The caller awaits it before answering: a read that cannot be recorded is not served.
 */
export async function recordPersonalDataRead(store: Pick<EventStore, 'append'>, clock: Clock, actor: Actor, access: PersonalDataAccess): Promise<void> {
  if (!RECORDED_ROLES.includes(actor.role)) return;
  const at = clock.now();
  const ids = [...new Set(access.ids)];
  const citizenIds = [...new Set(access.citizenIds)].sort();
  const parts = Math.max(1, Math.ceil(ids.length / IDS_PER_EVENT), Math.ceil(citizenIds.length / IDS_PER_EVENT));
  const events: NewEvent[] = [];
  for (let part = 0; part < parts; part++) {
    const slice = <T>(list: T[]) => list.slice(part * IDS_PER_EVENT, (part + 1) * IDS_PER_EVENT);
    const data: PersonalDataRead['data'] = {
      actor: { subject: actor.subject, role: actor.role, province: actor.province ?? null },
      what: { endpoint: access.endpoint, ids: slice(ids), citizenIds: slice(citizenIds), ...(parts > 1 && { part: part + 1, parts }) },
      at: at.toISOString(),
    };
    events.push({ type: 'PersonalDataRead', data });
  }
  await store.append(inspectionStreams.personalDataReads(at), events, { expectedRevision: 'any', actor });
}

@Injectable()
export class PersonalDataReads {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  record(actor: Actor, access: PersonalDataAccess): Promise<void> {
    return recordPersonalDataRead(this.store, this.clock, actor, access);
  }
}

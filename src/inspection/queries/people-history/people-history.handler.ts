import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PersonalDataReads } from '../../personal-data/personal-data-reads';
import { readableProvinces } from '../../province-scope';
import { LoggedEventView } from '../../views/logged-event.view';
import { CITIZEN_EVENTS, type CitizenEvents } from './citizen-events.port';
import type { PersonHistoryView } from './person-history.view';
import { PeopleHistoryQuery } from './people-history.query';

@QueryHandler(PeopleHistoryQuery)
export class PeopleHistoryHandler implements IQueryHandler<PeopleHistoryQuery> {
  constructor(
    @Inject(CITIZEN_EVENTS) private readonly citizenEvents: CitizenEvents,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ citizenId, actor }: PeopleHistoryQuery): Promise<PersonHistoryView> {
    const all = await this.citizenEvents.naming(citizenId);
    // A board sees what its own province wrote about the person, as on GET /streams/:id/events.
    const scope = readableProvinces(actor);
    const events = scope ? all.filter((e) => scope.includes(e.metadata.actor.province ?? '')) : all;
    // Recorded even when nothing is found: looking a person up is itself the access to record.
    await this.reads.record(actor, { endpoint: 'GET /api/v1/people/:citizenId/history', ids: [citizenId], citizenIds: [citizenId] });
    return { citizenId, events: events.map((e) => LoggedEventView.from(e)), withheld: all.length - events.length };
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicationDecider } from '../../../applications/domain/application.decider';
import type { ApplicationEvent } from '../../../applications/domain/application.events';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { CLOCK, type Clock } from '../../../shared/clock';
import { fold } from '../../../shared/decider';
import { streams } from '../../../shared/streams';
import { ApplicationNotFoundAsOf } from '../../inspection.errors';
import { PersonalDataReads } from '../../personal-data/personal-data-reads';
import { assertReadable } from '../../province-scope';
import { LoggedEventView } from '../../views/logged-event.view';
import { ApplicationAsOfQuery } from './application-as-of.query';
import type { ApplicationAsOfView } from './application-as-of.view';
import { inForceOn } from './valid-at';

/** Time travel: the stream up to an instant, folded by the same evolve the write side decides on. */
@QueryHandler(ApplicationAsOfQuery)
export class ApplicationAsOfHandler implements IQueryHandler<ApplicationAsOfQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ applicationId, asOf = this.clock.now(), actor, validAt }: ApplicationAsOfQuery): Promise<ApplicationAsOfView> {
    const recorded = await this.store.readStream(streams.application(applicationId), { until: asOf });
    // Stored payloads were written from these event types (see handle-command.ts `load`).
    const typed = (e: (typeof recorded)[number]) => ({ type: e.type, data: e.data }) as unknown as ApplicationEvent;
    const events = validAt === undefined ? recorded : recorded.filter((e) => inForceOn([typed(e)], validAt).length === 1);
    const state = fold(applicationDecider, events.map(typed));
    if (state.status === 'not-submitted') throw new ApplicationNotFoundAsOf(applicationId, validAt === undefined ? asOf.toISOString() : `${asOf.toISOString()} (validAt ${validAt})`);
    assertReadable(actor, state.provinceCode, { vi: 'hồ sơ', en: 'an application' });
    const people = [state.citizenId, ...state.declaration.household.map((m) => m.citizenId)];
    await this.reads.record(actor, { endpoint: 'GET /api/v1/applications/:id', ids: [applicationId], citizenIds: people });
    return { applicationId, asOf: asOf.toISOString(), ...(validAt !== undefined && { validAt }), state, events: events.map((e) => LoggedEventView.from(e)) };
  }
}

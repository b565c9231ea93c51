import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { applicationDecider } from '../../../applications/domain/application.decider';
import { ApplicationNotFound } from '../../../applications/domain/applications.errors';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { loadedFrom } from '../../../event-store/handle-command';
import { PersonalDataReads } from '../../../inspection/personal-data/personal-data-reads';
import { assertReadable } from '../../../inspection/province-scope';
import { streams } from '../../../shared/streams';
import { PopulationChecksQuery } from './population-checks.query';
import { PopulationChecksView } from './population-checks.view';

/** A file's checks from its own stream (no projection lag); a police or inspector read is recorded. */
@QueryHandler(PopulationChecksQuery)
export class PopulationChecksHandler implements IQueryHandler<PopulationChecksQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ applicationId, actor }: PopulationChecksQuery): Promise<PopulationChecksView> {
    const stream = streams.application(applicationId);
    const events = await this.store.readStream(stream);
    const { state } = loadedFrom(stream, events, applicationDecider);
    if (state.status === 'not-submitted') throw new ApplicationNotFound(applicationId);
    assertReadable(actor, state.provinceCode, { vi: 'kết quả đối chiếu của hồ sơ', en: 'the checks of an application' });
    const view = PopulationChecksView.of(applicationId, state.provinceCode, events);
    const citizenIds = view.checks.flatMap((c) => c.persons.flatMap((p) => [p.citizenId, ...(p.undeclaredSpouseCitizenId ? [p.undeclaredSpouseCitizenId] : [])]));
    await this.reads.record(actor, { endpoint: 'GET /api/v1/population/checks/:applicationId', ids: [applicationId], citizenIds });
    return view;
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore, type StoredEvent } from '../../../event-store/event-store.port';
import { findingById } from '../../findings/finding-rows';
import { FindingNotFound } from '../../inspection.errors';
import { PersonalDataReads } from '../../personal-data/personal-data-reads';
import { assertReadable, readableProvinces } from '../../province-scope';
import { LoggedEventView } from '../../views/logged-event.view';
import type { FindingDetailView, UnavailableEvidenceView } from './finding-detail.view';
import { GetFindingQuery } from './get-finding.query';

@QueryHandler(GetFindingQuery)
export class GetFindingHandler implements IQueryHandler<GetFindingQuery> {
  constructor(
    private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ findingId, actor }: GetFindingQuery): Promise<FindingDetailView> {
    const finding = await findingById(this.readModels, findingId);
    if (!finding) throw new FindingNotFound(findingId);
    assertReadable(actor, finding.provinceCode, { vi: 'phát hiện', en: 'a finding' });
    // From the log, not the read models: the inspector sees the events exactly as recorded and hashed.
    const streams = new Map<string, Promise<StoredEvent[]>>();
    const scope = readableProvinces(actor);
    const evidenceEvents: LoggedEventView[] = [];
    const unavailableEvidence: UnavailableEvidenceView[] = [];
    for (const { eventId, stream } of finding.evidence) {
      if (!streams.has(stream)) streams.set(stream, this.store.readStream(stream));
      const event = (await streams.get(stream))?.find((e) => e.eventId === eventId);
      if (!event) unavailableEvidence.push({ eventId, stream, reason: 'not-in-log' });
      // A board reads what its own province wrote, as on GET /streams/:id/events.
      else if (scope && !scope.includes(event.metadata.actor.province ?? '')) unavailableEvidence.push({ eventId, stream, reason: 'another-province' });
      else evidenceEvents.push(LoggedEventView.from(event));
    }
    await this.reads.record(actor, { endpoint: 'GET /api/v1/findings/:id', ids: [findingId], citizenIds: finding.citizenIds });
    // Object.assign, not a spread: the linter cannot tell a view (a plain shape) from an instance with methods.
    return Object.assign({}, finding, { evidenceEvents, unavailableEvidence });
  }
}

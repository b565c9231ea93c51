import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { CLOCK, type Clock } from '../../../shared/clock';
import type { FindingReviewed } from '../../domain/finding.events';
import { inspectionStreams } from '../../domain/inspection.streams';
import { findingById } from '../../findings/finding-rows';
import { FindingNotFound } from '../../inspection.errors';
import { ReviewFindingCommand } from './review-finding.command';
import type { ReviewRecordedResponse } from './review-finding.request.dto';

/**
 * Records an inspector's verdict on `finding-{id}`. Reviews never conflict: each is a fact, the
 * latest is the finding's review status, so the append expects any revision.
 */
@CommandHandler(ReviewFindingCommand)
export class ReviewFindingHandler implements ICommandHandler<ReviewFindingCommand> {
  constructor(
    private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ findingId, request, actor, idempotencyKey }: ReviewFindingCommand): Promise<ReviewRecordedResponse> {
    if (!(await findingById(this.readModels, findingId))) throw new FindingNotFound(findingId);
    const review: FindingReviewed['data'] = { findingId, verdict: request.verdict, note: request.note, reviewedBy: actor.subject, reviewedAt: this.clock.now().toISOString() };
    const { events } = await this.store.append(
      inspectionStreams.finding(findingId),
      [{ type: 'FindingReviewed', data: review }],
      { expectedRevision: 'any', actor, idempotencyKey },
    );
    return { ...review, eventId: events[0].eventId };
  }
}

import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../src/event-store/event-store.port';
import { toLedgerEvent } from '../engine/ledger-event';
import type { Projection } from '../runner/projection';

/**
 * finding_reviews: every inspector's review, one row per FindingReviewed event. Apart from the
 * ledger projection so that rebuilding the findings (a new detector, a fixed one) never loses or
 * waits on the reviews, and a review shows up without re-running any detector.
 */
export class FindingReviewsProjection implements Projection {
  readonly name = 'finding-reviews';
  readonly tables = ['finding_reviews'];

  async apply(events: ReadSideEvent[], tx: EntityManager): Promise<void> {
    for (const stored of events) {
      const event = toLedgerEvent(stored);
      if (event.kind !== 'finding') continue;
      const d = event.data;
      // Keyed by event id: a batch replayed after a crash cannot add a review twice.
      await tx.query(
        `INSERT INTO finding_reviews (event_id, finding_id, verdict, note, reviewed_by, reviewed_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (event_id) DO NOTHING`,
        [event.eventId, d.findingId, d.verdict, d.note, d.reviewedBy, d.reviewedAt],
      );
    }
  }
}

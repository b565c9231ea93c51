import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { Detector, FindingDraft } from './sql-detector';

interface Existing {
  id: string;
  status: 'open' | 'closed';
}

/** Deterministic: the same detector, key and discriminator always name the same finding. */
export function findingId(detector: string, key: string, discriminator: string): string {
  return `${detector}-${createHash('sha256').update(`${detector}\n${key}\n${discriminator}`).digest('hex').slice(0, 20)}`;
}

const positionOf = (event: ReadSideEvent) => `${event.position.commit}/${event.position.prepare}`;

/**
 * Makes the findings table say what the detector found for a key, right after `event`: raises new
 * findings, refreshes open ones, reopens closed ones that hold again, and closes (never deletes)
 * the ones that no longer hold, naming the event that closed them.
 */
export async function reconcileFindings(tx: EntityManager, detector: Detector, key: string, drafts: FindingDraft[], event: ReadSideEvent): Promise<void> {
  const existing = new Map(
    ((await tx.query<Existing[]>('SELECT id, status FROM findings WHERE detector = $1 AND finding_key = $2', [detector.name, key]))).map((f) => [f.id, f]),
  );
  for (const draft of drafts) {
    const id = findingId(detector.name, key, draft.discriminator);
    const values = [
      id, draft.severity, draft.provinceCode, draft.citizenIds, draft.evidence.map((e) => e.stream), JSON.stringify(draft.evidence),
      draft.summary, JSON.stringify(draft.details),
    ];
    if (!existing.has(id)) {
      await tx.query(
        `INSERT INTO findings (id, severity, province_code, citizen_ids, streams, evidence, summary, details, detector, finding_key, status,
           first_seen_event_id, first_seen_position)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12)`,
        [...values, detector.name, key, event.eventId, positionOf(event)],
      );
    } else {
      await tx.query(
        `UPDATE findings SET severity = $2, province_code = $3, citizen_ids = $4, streams = $5, evidence = $6, summary = $7, details = $8,
           status = 'open', closed_by_event_id = NULL, closed_at_position = NULL WHERE id = $1`,
        values,
      );
      existing.delete(id);
    }
  }
  for (const gone of existing.values()) {
    if (gone.status === 'closed') continue;
    await tx.query(`UPDATE findings SET status = 'closed', closed_by_event_id = $2, closed_at_position = $3 WHERE id = $1`, [
      gone.id, event.eventId, positionOf(event),
    ]);
  }
}

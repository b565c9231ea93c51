import { createHash } from 'node:crypto';
import type { Detector, FindingDraft } from '../detectors/detector';
import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';

/** Deterministic: the same detector, key and discriminator always name the same finding. */
export function findingId(detector: string, key: string, discriminator: string): string {
  return `${detector}-${createHash('sha256').update(`${detector}\n${key}\n${discriminator}`).digest('hex').slice(0, 20)}`;
}

const positionOf = (event: LedgerEvent) => `${event.position.commit}/${event.position.prepare}`;

/**
 * Makes the findings say what the detector found for a key, right after `event`: raises new
 * findings, refreshes open ones, reopens closed ones that hold again, and closes (never deletes)
 * the ones that no longer hold, naming the event that closed them.
 */
export function reconcileFindings(state: LedgerState, detector: Detector, key: string, drafts: FindingDraft[], event: LedgerEvent): void {
  const existing = state.findingsOf(detector.name, key);
  if (existing.length === 0 && drafts.length === 0) return;
  const gone = new Map(existing.map((f) => [f.id, f]));
  for (const draft of drafts) {
    const id = findingId(detector.name, key, draft.discriminator);
    const before = gone.get(id);
    gone.delete(id);
    state.putFinding({
      id, detector: detector.name, finding_key: key, severity: draft.severity, province_code: draft.provinceCode, citizen_ids: draft.citizenIds,
      streams: draft.evidence.map((e) => e.stream), evidence: draft.evidence, summary: draft.summary, details: draft.details, status: 'open',
      first_seen_event_id: before?.first_seen_event_id ?? event.eventId, first_seen_position: before?.first_seen_position ?? positionOf(event),
      closed_by_event_id: null, closed_at_position: null,
    });
  }
  for (const f of gone.values()) {
    if (f.status === 'closed') continue;
    state.putFinding({ ...f, status: 'closed', closed_by_event_id: event.eventId, closed_at_position: positionOf(event) });
  }
}

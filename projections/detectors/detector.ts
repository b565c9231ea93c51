import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '../../src/event-store/event-store.port';

export const DETECTOR_NAMES = [
  'duplicate-applicant',
  'household-double-benefit',
  'identity-conflict',
  'registry-mismatch',
  'allocation-without-eligibility',
  'decision-contradicts-policy',
  'early-resale',
  'queue-jump',
  'conflict-of-interest',
  'land-fund-shortfall',
  'backdating',
  'over-allocation',
] as const;
export type DetectorName = (typeof DETECTOR_NAMES)[number];

export type Severity = 'low' | 'medium' | 'high';

/** An event a finding rests on; the finding endpoint returns these events in full. */
export interface Evidence {
  eventId: string;
  stream: string;
}

/** What a detector finds to be true now about one key (a citizen, a unit, a project…). */
export interface FindingDraft {
  /** Tells apart several findings of one key (e.g. the other citizen id); stable across replays. */
  discriminator: string;
  severity: Severity;
  provinceCode: string | null;
  citizenIds: string[];
  evidence: Evidence[];
  summary: string;
  details: Record<string, unknown>;
}

/**
 * A detector looks at the read models as they stand right after an event (DESIGN.md
 * "Detectors"). `keysOf` says which keys the event may have changed; `evaluate` says what holds
 * for one key now. The ledger reconciles: new drafts raise findings, vanished ones close, with
 * that event as the one that closed them. Evaluating per event, never per batch, is what makes a
 * replay give the same findings, ids and positions whatever the batch size.
 */
export interface Detector {
  readonly name: DetectorName;
  keysOf(event: StoredEvent, tx: EntityManager): Promise<string[]>;
  evaluate(key: string, tx: EntityManager): Promise<FindingDraft[]>;
}

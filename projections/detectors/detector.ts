import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';
import type { Evidence } from '../engine/rows';

export type { Evidence } from '../engine/rows';

export type Severity = 'low' | 'medium' | 'high';

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
 * replay give the same findings, ids and positions whatever the batch size. Both are pure reads
 * of the in-memory state: no I/O.
 */
export interface Detector<Name extends string = string> {
  readonly name: Name;
  keysOf(event: LedgerEvent, state: LedgerState): readonly string[];
  evaluate(key: string, state: LedgerState): FindingDraft[];
}

/** Declares a detector, keeping its name as a literal type: the list in index.ts derives the names from it. */
export const detector = <Name extends string>(d: Detector<Name>): Detector<Name> => d;

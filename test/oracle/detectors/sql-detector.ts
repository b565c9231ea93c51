import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { DetectorName } from '../../../projections/detectors';
import type { FindingDraft } from '../../../projections/detectors/detector';

export type { Evidence, FindingDraft } from '../../../projections/detectors/detector';

/** The oracle's detector: the same rules as SQL over the read-model tables, one event at a time. */
export interface Detector {
  readonly name: DetectorName;
  keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]>;
  evaluate(key: string, tx: EntityManager): Promise<FindingDraft[]>;
}

import type { EntityManager } from 'typeorm';
import type { LogPosition, StoredEvent } from '../../src/event-store/event-store.port';
import { applyApplicationEvent } from '../applications/application.read-model';
import { applyClaimEvent } from '../claims/claim.read-model';
import type { Detector } from '../detectors/detector';
import { DETECTORS } from '../detectors';
import { type LedgerEvent, toLedgerEvent } from '../engine/ledger-event';
import { LedgerState } from '../engine/ledger-state';
import { runWrites } from '../engine/table';
import { applyLandFundEvent } from '../land-fund/land-fund.read-model';
import { applyLotteryEvent } from '../lotteries/lottery.read-model';
import { applyPopulationCheckEvent } from '../population/population-check.read-model';
import { applyProgrammeEvent } from '../programmes/programme.read-model';
import type { Projection } from '../runner/projection';
import { applyUnitEvent } from '../units/unit.read-model';
import { reconcileFindings } from './reconcile-findings';
import { UnappliableEvent } from './unappliable-event';

/** The read models, in the order each event is folded into them. */
const READ_MODELS: ((state: LedgerState, event: LedgerEvent) => void)[] = [
  applyUnitEvent,
  applyApplicationEvent,
  applyClaimEvent,
  applyLandFundEvent,
  applyProgrammeEvent,
  applyPopulationCheckEvent,
  applyLotteryEvent,
];

/**
 * The read models and every detector, in one projection. Each event is folded into the in-memory
 * read models, then every detector re-evaluates the keys it touched against them, synchronously;
 * a batch's changed rows are written with one statement per table, in the transaction that moves
 * the checkpoint, so findings can never run ahead of or behind the facts they rest on, and a crash
 * at any instant neither loses nor double-applies an event.
 *
 * Memory holds every row of the read models: a rebuild starts from empty tables; a live start (or
 * a runner taking over from another process, or one recovering from a failed batch) reads them
 * once. State is dropped whenever a batch fails, so it never stays ahead of the committed tables.
 */
export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  readonly tables = ['rm_projects', 'rm_applications', 'rm_people', 'rm_units', 'rm_claims', 'rm_land_fund', 'rm_programme_targets', 'rm_population_checks', 'rm_lotteries', 'findings'];
  private state: LedgerState | null = null;
  /** Where the state in memory stands in the log: the last event of the last batch flushed. */
  private position: LogPosition | null = null;

  constructor(private readonly detectors: readonly Detector[] = DETECTORS) {}

  reset(): void {
    this.state = null;
    this.position = null;
  }

  resumeAt(checkpoint: LogPosition): void {
    if (this.position?.commit !== checkpoint.commit || this.position.prepare !== checkpoint.prepare) this.reset();
  }

  async apply(events: StoredEvent[], tx: EntityManager): Promise<void> {
    if (!this.state) {
      const state = new LedgerState();
      await state.load(tx);
      this.state = state;
      this.position = null;
    }
    await this.fold(events)?.(tx);
  }

  /**
   * Folds the batch into memory now and returns its writes, already serialised, so a runner can
   * fold the next batch while these are written. Null when the state is not in memory (a start, or
   * after a failure): `apply` reads it first. Memory runs ahead of the tables until the writes
   * commit; a runner whose transaction fails calls `reset`.
   */
  fold(events: StoredEvent[]): ((tx: EntityManager) => Promise<void>) | null {
    const { state, position } = this;
    if (!state) return null;
    // A failure below leaves memory half-folded: it must start again from the tables.
    this.reset();
    for (const stored of events) {
      const event = toLedgerEvent(stored);
      try {
        this.applyEvent(state, event);
      } catch (error) {
        throw new UnappliableEvent(stored, error);
      }
    }
    const writes = state.takeWrites();
    this.state = state;
    this.position = events.length > 0 ? events[events.length - 1].position : position;
    return (tx) => runWrites(writes, tx);
  }

  private applyEvent(state: LedgerState, event: LedgerEvent): void {
    applyLedgerEvent(state, event, this.detectors);
  }
}

/**
 * One event through the read models, then every detector over the keys it touched: the engine's
 * per-event semantics, also run without a database by the property test's coverage and mutation tools.
 */
export function applyLedgerEvent(state: LedgerState, event: LedgerEvent, detectors: readonly Detector[]): void {
  for (const apply of READ_MODELS) apply(state, event);
  for (const detector of detectors) {
    for (const key of detector.keysOf(event, state)) reconcileFindings(state, detector, key, detector.evaluate(key, state), event);
  }
}

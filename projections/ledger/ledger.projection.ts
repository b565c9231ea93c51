import type { EntityManager } from 'typeorm';
import type { LogPosition, ReadSideEvent } from '../../src/event-store/event-store.port';
import { applyApplicationEvent } from '../applications/application.read-model';
import { applyClaimEvent } from '../claims/claim.read-model';
import type { Detector } from '../detectors/detector';
import { DETECTORS } from '../detectors';
import { DEFAULT_MAX_RESIDENT_ROWS } from '../../src/shared/projection-memory';
import { keysOfBatch } from '../engine/batch-keys';
import { type LedgerEvent, toLedgerEvent } from '../engine/ledger-event';
import { LedgerState } from '../engine/ledger-state';
import { runWrites, type TableWrite } from '../engine/table';
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
 * How far from the ids a batch names a partial state's prefetch follows files and citizens: three
 * steps cover what the detectors look up (100k-event bench, memory for 50k rows: 2 batches of 20
 * needed a second round); past them, the rare miss costs a round.
 */
export const DEFAULT_PREFETCH_STEPS = 3;

/**
 * A start reads every row of the large tables only up to this many declarations (about 20,000
 * files, a second or two); past it, only the small tables, the rest as batches ask. Reading all of
 * a million-event ledger first kept the live projection from its first batch for 13 s on a quiet
 * machine and 34 s on a busy one (npm run bench -- projections), while writes piled up.
 */
const FULL_START_MAX_PEOPLE = 100_000;

/** Events folded between two turns of the event loop: about 20 ms of work. */
const YIELD_EVERY = 250;

export interface LedgerProjectionOptions {
  /** Past this many rows in memory, the large tables are dropped between batches and read again as needed. */
  maxResidentRows?: number;
  /** See DEFAULT_PREFETCH_STEPS; 0 leaves every lookup to the misses (the property test checks both). */
  prefetchSteps?: number;
}

/**
 * The read models and every detector, in one projection. Each event is folded into the in-memory
 * read models, then every detector re-evaluates the keys it touched against them, synchronously;
 * a batch's changed rows are written with one statement per table, in the transaction that moves
 * the checkpoint, so findings can never run ahead of or behind the facts they rest on, and a crash
 * at any instant neither loses nor double-applies an event.
 *
 * A rebuild starts from empty tables and keeps every row in memory until the budget is reached; a
 * live start (or a runner taking over from another process, or one recovering from a failed
 * batch) reads the small tables and, if the large ones fit the budget, those too. Past the budget
 * the large tables are read as batches ask for them (LedgerState). State is dropped whenever a
 * batch fails, so it never stays ahead of the committed tables.
 */
export class LedgerProjection implements Projection {
  readonly name = 'ledger';
  readonly tables = ['rm_projects', 'rm_applications', 'rm_people', 'rm_units', 'rm_claims', 'rm_land_fund', 'rm_programme_targets', 'rm_population_checks', 'rm_lotteries', 'findings'];
  private state: LedgerState | null = null;
  /** Where the state in memory stands in the log: the last event of the last batch flushed. */
  private position: LogPosition | null = null;
  /** A fold that asked for rows memory lacks left its batch to be taken back before anything else. */
  private unsettled = false;
  private readonly maxResidentRows: number;
  private readonly prefetchSteps: number;

  constructor(private readonly detectors: readonly Detector[] = DETECTORS, options: LedgerProjectionOptions = {}) {
    this.maxResidentRows = options.maxResidentRows ?? DEFAULT_MAX_RESIDENT_ROWS;
    this.prefetchSteps = options.prefetchSteps ?? DEFAULT_PREFETCH_STEPS;
  }

  reset(): void {
    this.state = null;
    this.position = null;
    this.unsettled = false;
  }

  resumeAt(checkpoint: LogPosition): void {
    if (this.position?.commit !== checkpoint.commit || this.position.prepare !== checkpoint.prepare) this.reset();
  }

  async apply(events: ReadSideEvent[], tx: EntityManager): Promise<void> {
    const { state: kept, position, unsettled } = this;
    this.reset();
    const state = kept ?? (await this.open(tx));
    if (unsettled) await this.settle(state, tx);
    this.keepWithinBudget(state);
    if (state.partial) await state.prefetchFor(tx, keysOfBatch(events), this.prefetchSteps);
    let writes = await this.attempt(state, events);
    while (!writes) {
      await this.settle(state, tx);
      writes = await this.attempt(state, events);
    }
    await runWrites(writes, tx);
    this.state = state;
    this.position = events.length > 0 ? events[events.length - 1].position : kept ? position : null;
  }

  /**
   * Folds the batch into memory now and returns its writes, already serialised, so a runner can
   * fold the next batch while these are written. A partial state first reads what the batch names
   * (prefetchFor) through `reader`, while the last batch's writes may still be landing: every row
   * those change is in memory, which a read never overwrites, and every row they delete is kept
   * from coming back (Table's landing keys). Null when it cannot fold yet (a start, after a failure,
   * memory past its budget, or rows it still missed): the runner then waits for the writes in
   * flight and calls `apply`, where memory is dropped or taken back with nothing landing. Memory
   * runs ahead of the tables until the writes commit; a runner whose transaction fails calls `reset`.
   */
  async fold(events: ReadSideEvent[], reader: EntityManager): Promise<((tx: EntityManager) => Promise<void>) | null> {
    const { state, position } = this;
    if (!state || this.unsettled || state.residentRows > this.maxResidentRows) return null;
    // A failure below leaves memory half-folded: it must start again from the tables.
    this.reset();
    if (state.partial) await state.prefetchFor(reader, keysOfBatch(events), this.prefetchSteps);
    const writes = await this.attempt(state, events);
    this.state = state;
    if (!writes) {
      this.position = position;
      this.unsettled = true;
      return null;
    }
    this.position = events.length > 0 ? events[events.length - 1].position : position;
    return (tx) => runWrites(writes, tx);
  }

  private async open(tx: EntityManager): Promise<LedgerState> {
    const state = new LedgerState();
    // Past half the budget (or FULL_START_MAX_PEOPLE) the large tables are read as batches ask:
    // counting stops there, so on a large ledger it is a bounded scan, not a count of millions.
    const limit = Math.min(Math.floor(this.maxResidentRows / 2), FULL_START_MAX_PEOPLE);
    const [{ rows }] = await tx.query<{ rows: number }[]>('SELECT count(*)::int AS rows FROM (SELECT 1 FROM rm_people LIMIT $1) p', [limit + 1]);
    await state.load(tx, rows > 0 && rows > limit);
    return state;
  }

  /** Takes back a batch that missed and reads what it missed. */
  private async settle(state: LedgerState, tx: EntityManager): Promise<void> {
    await state.recover(tx);
    await state.prefetch(tx);
  }

  private keepWithinBudget(state: LedgerState): void {
    if (state.residentRows > this.maxResidentRows) state.evict();
  }

  /** Folds the batch; its writes, or null when it asked for rows memory does not hold (then it is left to `settle`). */
  private async attempt(state: LedgerState, events: ReadSideEvent[]): Promise<TableWrite[] | null> {
    state.beginBatch();
    for (let i = 0; i < events.length; i++) {
      // A batch of thousands folds for a good part of a second: requests must not wait that long.
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const stored = events[i];
      const event = toLedgerEvent(stored);
      try {
        applyLedgerEvent(state, event, this.detectors);
      } catch (error) {
        // Folded on a partial answer, an event may well fail: read what it missed and fold again.
        if (state.missed) return null;
        throw new UnappliableEvent(stored, error);
      }
    }
    if (state.missed) return null;
    state.endBatch();
    return state.takeWrites();
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

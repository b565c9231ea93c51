import { DataSource } from 'typeorm';
import { toNewEvent } from '../../src/event-store/new-event';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import type { Clock } from '../../src/shared/clock';
import { deleteCheckpoint, readCheckpoint } from '../../projections/runner/checkpoint-store';
import type { Projection } from '../../projections/runner/projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { eventCount, HISTORY_START_MS, type HistoryWrite } from './ledger-history.types';

/** The engine the runner will drive: a projection that may also drop its in-memory state when a transaction failed. */
export type Engine = Projection & { reset?: () => void };

/** The store stamps recordedAt from this clock; the history moves it, by 0 ms for ties or by years. */
class FakeClock implements Clock {
  private ms = HISTORY_START_MS;
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

/** Thrown inside a batch's transaction after apply, before the checkpoint: the crash being simulated. */
class SimulatedCrash extends Error {}

/**
 * How the incremental mode runs: where writing pauses for a catch-up (live mode), how far the
 * first steps go before the first crash, how many events each crashed transaction applies, and
 * the batch sizes of the catch-ups (cycled).
 */
export interface IncrementalPlan {
  livePausesPercent: number[];
  splitPercent: number;
  crashBatch: number;
  batchSizes: number[];
}

/** One fresh database (cloned from the migrated template), its event store on a fake clock, and a runner. */
export class EquivalenceBed {
  private written = 0;
  private constructor(
    private readonly db: TestDatabase,
    readonly dataSource: DataSource,
    private readonly store: PostgresEventStore,
    private readonly clock: FakeClock,
    readonly runner: ProjectionRunner,
  ) {}

  static async start(): Promise<EquivalenceBed> {
    const db = await createTestDatabase();
    const dataSource = new DataSource({ type: 'postgres', url: db.url, poolSize: 4 });
    await dataSource.initialize();
    const clock = new FakeClock();
    const store = new PostgresEventStore(db.pool, clock, 1024 * 1024);
    return new EquivalenceBed(db, dataSource, store, clock, new ProjectionRunner(store, dataSource));
  }

  async stop(): Promise<void> {
    await this.dataSource.destroy();
    await this.db.drop();
  }

  /** Appends each write as one store call, as the command handlers do, after moving the clock. */
  async write(writes: readonly HistoryWrite[]): Promise<void> {
    for (const w of writes) {
      this.clock.advance(w.advanceMs);
      await this.store.appendMany(
        w.appends.map((a) => ({ stream: a.stream, expectedRevision: 'any' as const, events: a.events.map(toNewEvent) })),
        { actor: w.actor },
      );
    }
    this.written += eventCount(writes);
  }

  /** ProjectionRunner.rebuild, then catch-ups until every written event is in (see untilHead). */
  async rebuild(projection: Engine, batchSize: number): Promise<void> {
    const applied = await this.runner.rebuild(projection, { batchSize });
    await this.untilHead(projection, applied, batchSize);
  }

  /**
   * Live mode with crashes. Empties the engine's tables and checkpoint, writes the history in parts
   * with catch-ups between them; in the first part it steps from empty to a split point and crashes
   * a batch (then `reset()`, same instance), in the last part it crashes a batch before catching
   * up and carries on with a brand-new instance: recovery with a warm, reset cache and with a cold one.
   */
  async incremental(history: readonly HistoryWrite[], newEngine: () => Engine, plan: IncrementalPlan): Promise<void> {
    let engine = newEngine();
    await this.dataSource.transaction(async (tx) => {
      for (const table of engine.tables) await tx.query(`TRUNCATE ${table}`);
      await deleteCheckpoint(tx, engine.name);
    });
    const cuts = [...new Set([...plan.livePausesPercent.map((p) => Math.floor((p * history.length) / 100)), history.length])].sort((a, b) => a - b);
    let applied = 0;
    let from = 0;
    let batch = 0;
    const nextBatch = () => plan.batchSizes[batch++ % plan.batchSizes.length];
    for (const [part, to] of cuts.entries()) {
      await this.write(history.slice(from, to));
      from = to;
      if (part === 0) {
        applied = await this.stepTo(engine, Math.floor((plan.splitPercent * this.written) / 100), nextBatch());
        await this.crash(engine, plan.crashBatch);
        engine.reset?.();
      }
      if (part === cuts.length - 1 && cuts.length > 1) {
        await this.crash(engine, plan.crashBatch);
        engine.reset?.();
        engine = newEngine();
      }
      const batchSize = nextBatch();
      applied = await this.untilHead(engine, applied + (await this.runner.catchUp(engine, { batchSize })), batchSize);
    }
  }

  /** Single steps from the checkpoint until `target` events are applied (the split point of "rebuild up to here"). */
  private async stepTo(engine: Engine, target: number, batchSize: number): Promise<number> {
    let applied = 0;
    while (applied < target) {
      const read = await this.runner.step(engine, Math.min(batchSize, target - applied));
      if (read === 0) await this.waitForHorizon();
      else this.waitStarted = 0;
      applied += read;
    }
    return applied;
  }

  /** A batch applied inside a transaction that then fails before commit, as a crash would: nothing of it may remain. */
  private async crash(engine: Engine, batchSize: number): Promise<void> {
    await this.dataSource
      .transaction(async (tx) => {
        const { events } = await this.store.readAllForProjections({ after: await readCheckpoint(tx, engine.name), limit: batchSize });
        await engine.apply(events, tx);
        throw new SimulatedCrash('simulated crash before commit');
      })
      .catch((error: unknown) => {
        if (!(error instanceof SimulatedCrash)) throw error;
      });
  }

  /**
   * The store delivers only events of transactions older than every running one (its safe
   * horizon), so under other test files' load a catch-up can stop short of what this bed wrote.
   * Catch up until every written event is applied, and fail loudly on more (a double application).
   */
  private async untilHead(engine: Engine, applied: number, batchSize: number): Promise<number> {
    while (applied < this.written) {
      const read = await this.runner.catchUp(engine, { batchSize });
      if (read === 0) await this.waitForHorizon();
      else this.waitStarted = 0;
      applied += read;
    }
    if (applied !== this.written) throw new Error(`${engine.name} applied ${applied} events of ${this.written} written`);
    return applied;
  }

  private waitStarted = 0;
  private async waitForHorizon(): Promise<void> {
    if (this.waitStarted === 0) this.waitStarted = Date.now();
    if (Date.now() - this.waitStarted > 20_000) throw new Error('the store delivered no new event for 20 s: something holds back its safe horizon');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readCheckpoint } from '../../projections/runner/checkpoint-store';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { type Projection, PROJECTIONS } from '../../projections/runner/projection';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore, isBefore, type LogPosition } from '../event-store/event-store.port';
import { ProjectionLagging } from '../http/projection-lagging';
import type { ReadModelFreshness } from '../http/read-model-freshness';
import { compiledWorker } from '../shared/compiled-worker';
import { type LiveProjections, type ProjectionFailure, runLiveProjections } from './live-projections';
import { projectionWorkerConfig, WorkerLiveProjections } from './worker-live-projections';

/** How long a read waits for the read models to catch up before it answers 503. */
const FRESH_READ_TIMEOUT_MS = 10_000;
const FRESH_READ_POLL_MS = 20;

/**
 * Runs every projection live from start-up (PROJECTIONS=live), on a worker thread when the
 * service runs compiled (projections.worker.ts), and stops them before the pools close. With
 * PROJECTIONS=off nothing runs by itself: tests write, then call `catchUpAll`.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown, ReadModelFreshness {
  private readonly logger = new Logger('Projections');
  private live: LiveProjections | undefined;

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.projections !== 'live') return;
    const log = (message: string) => this.logger.error(message);
    const worker = compiledWorker(typeof __filename === 'string' ? __filename : undefined, 'projections.worker.js');
    this.live = worker
      ? new WorkerLiveProjections(worker, projectionWorkerConfig(this.config), log)
      : runLiveProjections(this.runner, this.projections, { onError: log });
  }

  /** Before shutdown, not on it: the runners must let go of their connections while the pools are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.live?.stop();
    this.live = undefined;
  }

  /** Projections stopped at an event they cannot apply (empty when all move). */
  failures(): ProjectionFailure[] {
    return this.live?.failures() ?? [];
  }

  /**
   * Resolves once every projection has applied the log up to `position` (by default, the last
   * event written now); throws ProjectionLagging after FRESH_READ_TIMEOUT_MS. With PROJECTIONS=off
   * nothing applies by itself, so nothing is waited for.
   */
  async awaitCaughtUp(position?: LogPosition): Promise<void> {
    if (this.config.projections !== 'live') return;
    const target = position ?? (await this.store.headPosition());
    const started = Date.now();
    for (let hurried = false; ; hurried = true) {
      const checkpoints = await this.dataSource.transaction((tx) => Promise.all(this.projections.map((p) => readCheckpoint(tx, p.name))));
      if (!checkpoints.some((c) => isBefore(c, target))) return;
      // Between two reads under a stream of writes, the projections would wait out their gap.
      if (!hurried) this.live?.hurry();
      const waited = Date.now() - started;
      if (waited >= FRESH_READ_TIMEOUT_MS) throw new ProjectionLagging(this.failures().length > 0 ? 60 : 5, waited);
      await sleep(FRESH_READ_POLL_MS);
    }
  }

  /** Applies everything written so far to every projection; returns the events applied per projection. */
  async catchUpAll(): Promise<Record<string, number>> {
    const applied: Record<string, number> = {};
    for (const projection of this.projections) applied[projection.name] = await this.runner.catchUp(projection);
    return applied;
  }
}

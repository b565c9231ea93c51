import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { UnappliableEvent } from '../../projections/ledger/unappliable-event';
import { readCheckpoint } from '../../projections/runner/checkpoint-store';
import { type LiveProjection, ProjectionRunner } from '../../projections/runner/projection-runner';
import { type Projection, PROJECTIONS } from '../../projections/runner/projection';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { EVENT_STORE, type EventStore, isBefore, type LogPosition } from '../event-store/event-store.port';
import { ProjectionLagging } from '../http/projection-lagging';
import type { ReadModelFreshness } from '../http/read-model-freshness';

/** How long a read waits for the read models to catch up before it answers 503. */
const FRESH_READ_TIMEOUT_MS = 10_000;
const FRESH_READ_POLL_MS = 20;

/** A projection stopped at an event it cannot apply: what /health names until it moves on. */
export interface ProjectionFailure {
  projection: string;
  eventId: string;
  stream: string;
  type: string;
  position: string;
  error: string;
  since: string;
}

/**
 * Runs every projection live from start-up (PROJECTIONS=live) and stops them before the pools
 * close. With PROJECTIONS=off nothing runs by itself: tests write, then call `catchUpAll`.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown, ReadModelFreshness {
  private readonly logger = new Logger('Projections');
  private running: LiveProjection[] = [];
  private readonly stuck = new Map<string, ProjectionFailure>();

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.projections !== 'live') return;
    this.running = this.projections.map((projection) =>
      // The runner retries after an error (from its checkpoint); the log says why it had to.
      this.runner.live(
        projection,
        (error) => {
          if (error instanceof UnappliableEvent) {
            this.stuck.set(projection.name, {
              projection: projection.name, eventId: error.eventId, stream: error.stream, type: error.type, position: error.position, error: error.message,
              since: this.stuck.get(projection.name)?.since ?? new Date().toISOString(),
            });
          }
          this.logger.error(`Projection ${projection.name} stopped on an error and will retry: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        },
        () => this.stuck.delete(projection.name),
      ),
    );
  }

  /** Before shutdown, not on it: the runners must let go of their connections while the pools are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((live) => live.stop()));
    this.running = [];
  }

  /** Projections stopped at an event they cannot apply (empty when all move). */
  failures(): ProjectionFailure[] {
    return [...this.stuck.values()];
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
    for (;;) {
      const checkpoints = await this.dataSource.transaction((tx) => Promise.all(this.projections.map((p) => readCheckpoint(tx, p.name))));
      if (!checkpoints.some((c) => isBefore(c, target))) return;
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

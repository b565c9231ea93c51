import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { type LiveProjection, ProjectionRunner } from '../../projections/runner/projection-runner';
import { type Projection, PROJECTIONS } from '../../projections/runner/projection';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * Runs every projection live from start-up (PROJECTIONS=live) and stops them before the pools
 * close. With PROJECTIONS=off nothing runs by itself: tests write, then call `catchUpAll`.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Projections');
  private running: LiveProjection[] = [];

  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.projections !== 'live') return;
    this.running = this.projections.map((projection) =>
      // The runner retries after an error (from its checkpoint); the log says why it had to.
      this.runner.live(projection, (error) =>
        this.logger.error(`Projection ${projection.name} stopped on an error and will resume: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      ),
    );
  }

  /** Before shutdown, not on it: the runners must let go of their connections while the pools are still open. */
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.running.map((live) => live.stop()));
    this.running = [];
  }

  /** Applies everything written so far to every projection; returns the events applied per projection. */
  async catchUpAll(): Promise<Record<string, number>> {
    const applied: Record<string, number> = {};
    for (const projection of this.projections) applied[projection.name] = await this.runner.catchUp(projection);
    return applied;
  }
}

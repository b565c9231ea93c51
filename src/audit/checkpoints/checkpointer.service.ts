import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { type LiveProjection, ProjectionRunner } from '../../../projections/runner/projection-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { SignedCheckpoint } from './checkpoint';
import { checkpointCovering } from './checkpoint-rows';
import { Checkpointer } from './checkpointer';

/** How often the leader looks whether a checkpoint is due (CHECKPOINT_EVERY is counted at this grain). */
const TICK_MS = 1_000;

/**
 * The background checkpointer (PROJECTIONS=live): the tree projection tails the log under the
 * projection runner's advisory lock, so one instance leads; every instance's tick may try to sign,
 * and the expected revision of `audit-checkpoints` lets only one checkpoint per tree size through.
 */
@Injectable()
export class CheckpointerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Checkpointer');
  private live?: LiveProjection;
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    readonly checkpointer: Checkpointer,
    private readonly runner: ProjectionRunner,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.projections !== 'live') return;
    this.live = this.runner.live(this.checkpointer.tree, (error) => this.logger.error(`Merkle tree stopped on an error and will retry: ${describe(error)}`));
    this.timer = setInterval(() => void this.tick(), TICK_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.live?.stop();
    while (this.ticking) await sleep(10);
  }

  /** Brings the tree up to the log: itself when nothing runs live, else by waiting for the leader (10 s at most). */
  async catchUpTree(): Promise<void> {
    if (this.config.projections !== 'live') {
      await this.checkpointer.catchUpTree();
      return;
    }
    for (let waited = 0; waited < 10_000 && !(await this.checkpointer.treeIsCurrent()); waited += 100) await sleep(100);
  }

  /**
   * A checkpoint covering the leaf, signing one now if the latest does not. Live, the tree is the
   * leader's: this waits for it (10 s at most); otherwise it catches the tree up itself.
   */
  async covering(leafIndex: number): Promise<SignedCheckpoint | undefined> {
    const existing = await checkpointCovering(this.dataSource, leafIndex);
    if (existing) return existing;
    if (this.config.projections !== 'live') {
      await this.checkpointer.checkpointNow();
      return checkpointCovering(this.dataSource, leafIndex);
    }
    for (let waited = 0; waited < 10_000; waited += 100) {
      await this.checkpointer.signIfDue(true);
      const found = await checkpointCovering(this.dataSource, leafIndex);
      if (found) return found;
      await sleep(100);
    }
    return undefined;
  }

  private async tick(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      await this.checkpointer.signIfDue();
    } catch (error) {
      this.logger.error(`Signing a checkpoint failed and will be retried: ${describe(error)}`);
    } finally {
      this.ticking = false;
    }
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

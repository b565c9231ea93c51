import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { ProjectionLocked } from '../../../projections/runner/projection-runner';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { SignedCheckpoint } from './checkpoint';
import { checkpointCovering } from './checkpoint-rows';
import { Checkpointer } from './checkpointer';
import { describeError } from '../../shared/describe-error';

/** How often the tree is brought up to the log and a checkpoint considered (CHECKPOINT_EVERY is counted at this grain). */
const TICK_MS = 1_000;

/**
 * The background checkpointer (PROJECTIONS=live). Every tick, whichever instance takes the tree's
 * advisory lock brings the tree up to the log in batches, then every instance may try to sign: the
 * expected revision of `audit-checkpoints` lets only one checkpoint per tree size through.
 *
 * Once a tick, not tailing the log: woken by every append, the tree took a few events per
 * transaction, and batches of 20 cost it 3-4 times the CPU per event of batches of 5000 (Node
 * 58-82 against 17-21 µs, PostgreSQL 70-85 against 20 µs), CPU the appends beside it lose.
 * Nothing needs the tree fresher than the next checkpoint; the proofs and bundles that need it
 * current wait for it (catchUpTree, covering).
 */
@Injectable()
export class CheckpointerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Checkpointer');
  private timer?: NodeJS.Timeout;
  private ticking = false;
  private stopping = false;

  constructor(
    readonly checkpointer: Checkpointer,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.config.projections !== 'live') return;
    this.timer = setInterval(() => void this.tick(), TICK_MS);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    // A tick with a long backlog (the first after start-up) stops after its current batch.
    this.stopping = true;
    while (this.ticking) await sleep(10);
  }

  /** Brings the tree up to the log: itself when nothing runs live, else by waiting for the ticks (10 s at most). */
  async catchUpTree(): Promise<void> {
    if (this.config.projections !== 'live') {
      await this.checkpointer.catchUpTree();
      return;
    }
    for (let waited = 0; waited < 10_000 && !(await this.checkpointer.treeIsCurrent()); waited += 100) await sleep(100);
  }

  /**
   * A checkpoint covering the leaf, signing one now if the latest does not. Live, the ticks keep the
   * tree: this waits for it (10 s at most); otherwise it catches the tree up itself.
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
      await this.checkpointer.catchUpTree(() => this.stopping).catch((error: unknown) => {
        // Another instance is bringing the tree up this tick; this one may still sign.
        if (!(error instanceof ProjectionLocked)) this.logger.error(`Bringing the Merkle tree up to the log failed and will be retried: ${describeError(error)}`);
      });
      await this.checkpointer.signIfDue();
    } catch (error) {
      this.logger.error(`Signing a checkpoint failed and will be retried: ${describeError(error)}`);
    } finally {
      this.ticking = false;
    }
  }
}

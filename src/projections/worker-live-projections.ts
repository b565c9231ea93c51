import { Worker } from 'node:worker_threads';
import { describeError } from '../shared/describe-error';
import { settlesWithin } from '../shared/settles-within';
import type { LiveProjections, ProjectionFailure } from './live-projections';
import type { FromProjectionWorker, ProjectionWorkerConfig, ToProjectionWorker } from './projection-worker-messages';

/** A thread that ended by itself (it could not reach the database, say) is started again after this long. */
const RESTART_MS = 5_000;
/**
 * How long `stop` lets the projections finish their batch and let go of their connections before it
 * ends the thread: the batch in flight is then abandoned, its checkpoint never moved, so nothing is
 * lost (SIGTERM must stop the service within 10 s).
 */
const STOP_MS = 3_000;

/**
 * The live projections on a worker thread (projections.worker.ts), with their own connections: a
 * fold of thousands of events no longer holds up the requests, and the service uses a second core.
 * What the thread reports (its errors, the projections stopped at an event) is relayed here.
 */
export class WorkerLiveProjections implements LiveProjections {
  private worker: Worker | undefined;
  private stuck: ProjectionFailure[] = [];
  private stopping = false;
  private restart: NodeJS.Timeout | undefined;

  constructor(
    private readonly file: string,
    private readonly config: ProjectionWorkerConfig,
    private readonly log: (message: string) => void,
  ) {
    this.start();
  }

  failures(): ProjectionFailure[] {
    return this.stuck;
  }

  hurry(): void {
    this.worker?.postMessage({ kind: 'hurry' } satisfies ToProjectionWorker);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restart);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    worker.postMessage({ kind: 'stop' } satisfies ToProjectionWorker);
    if (!(await settlesWithin(exited, STOP_MS))) await worker.terminate();
  }

  private start(): void {
    // A new thread reports a projection stuck again when it reaches the event again.
    this.stuck = [];
    const worker = new Worker(this.file, { workerData: this.config });
    this.worker = worker;
    worker.on('message', (message: FromProjectionWorker) => {
      if (message.kind === 'error') this.log(message.message);
      else if (message.kind === 'failures') this.stuck = message.failures;
      // 'stopped': the connections are closed, nothing of the thread is left to wait for.
      else void worker.terminate();
    });
    worker.on('error', (error) => this.log(`The projections' thread failed: ${describeError(error)}`));
    worker.on('exit', (code) => {
      this.worker = undefined;
      if (this.stopping) return;
      this.log(`The projections' thread ended (code ${code}); it starts again in ${RESTART_MS / 1000} s`);
      this.restart = setTimeout(() => this.start(), RESTART_MS);
    });
  }
}

/** The settings the worker takes, and nothing else of the service's (they are cloned into the thread). */
export function projectionWorkerConfig(config: ProjectionWorkerConfig): ProjectionWorkerConfig {
  const { databaseUrl, eventStore, eventStoreConnectionString, maxEventBytes, projectionMaxRows } = config;
  return { databaseUrl, eventStore, eventStoreConnectionString, maxEventBytes, projectionMaxRows };
}

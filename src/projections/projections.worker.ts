import 'reflect-metadata';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { Pool } from 'pg';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { createDataSource } from '../database/data-source';
import { openEventStore } from '../event-store/open-event-store';
import { systemClock } from '../shared/clock';
import { runLiveProjections } from './live-projections';
import type { FromProjectionWorker, ProjectionWorkerConfig, ToProjectionWorker } from './projection-worker-messages';
import { allProjections } from './projections';
import { describeError } from '../shared/describe-error';

// Started by WorkerLiveProjections (worker-live-projections.ts): the live projections on their own
// thread and connections, so their folds never hold up a request.
if (!parentPort) throw new Error('projections.worker runs as a worker thread only');
const port: MessagePort = parentPort;
const config = workerData as ProjectionWorkerConfig;
const post = (message: FromProjectionWorker) => port.postMessage(message);

/**
 * Under a steady stream of writes the projections read at most this often. Off the requests'
 * thread, larger batches cost no request its latency, and they cost less per event: the app took
 * 1,464 and 1,507 submissions/s at 16 clients with 200 ms against 1,207 and 1,347 with 50 ms
 * (npm run bench -- http, alternating runs). A read that waits for them hurries them (`hurry`).
 */
const READ_GAP_MS = 200;

async function main(): Promise<void> {
  if (!config.databaseUrl) throw new Error('projections.worker: no databaseUrl');
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  // Reads and the LISTEN connection; each projection's batches go through the data source.
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
  pool.on('error', (error) => post({ kind: 'error', message: `Idle connection lost: ${error.message}` }));
  const store = await openEventStore(config, pool, systemClock);
  const live = runLiveProjections(
    new ProjectionRunner(store, dataSource),
    allProjections(config),
    { onError: (message) => post({ kind: 'error', message }), onFailuresChanged: (failures) => post({ kind: 'failures', failures }) },
    { readGapMs: READ_GAP_MS },
  );
  const onMessage = (message: ToProjectionWorker) => {
    if (message.kind === 'hurry') {
      live.hurry();
      return;
    }
    port.off('message', onMessage);
    void (async () => {
      await live.stop();
      await store.close();
      await pool.end();
      await dataSource.destroy();
      post({ kind: 'stopped' });
      port.close();
    })();
  };
  port.on('message', onMessage);
}

main().catch((error: unknown) => {
  post({ kind: 'error', message: `The projections could not start: ${describeError(error)}` });
  // Ends this thread only; the service starts it again.
  process.exit(1);
});

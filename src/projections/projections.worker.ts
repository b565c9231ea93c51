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

// Started by WorkerLiveProjections (worker-live-projections.ts): the live projections on their own
// thread and connections, so their folds never hold up a request.
if (!parentPort) throw new Error('projections.worker runs as a worker thread only');
const port: MessagePort = parentPort;
const config = workerData as ProjectionWorkerConfig;
const post = (message: FromProjectionWorker) => port.postMessage(message);

async function main(): Promise<void> {
  if (!config.databaseUrl) throw new Error('projections.worker: no databaseUrl');
  const dataSource = createDataSource(config.databaseUrl);
  await dataSource.initialize();
  // Reads and the LISTEN connection; each projection's batches go through the data source.
  const pool = new Pool({ connectionString: config.databaseUrl, max: 4 });
  pool.on('error', (error) => post({ kind: 'error', message: `Idle connection lost: ${error.message}` }));
  const store = await openEventStore(config, pool, systemClock);
  const live = runLiveProjections(new ProjectionRunner(store, dataSource), allProjections(config), {
    onError: (message) => post({ kind: 'error', message }),
    onFailuresChanged: (failures) => post({ kind: 'failures', failures }),
  });
  // The one message the service sends: 'stop'.
  port.once('message', (_: ToProjectionWorker) => {
    void (async () => {
      await live.stop();
      await store.close();
      await pool.end();
      await dataSource.destroy();
      post({ kind: 'stopped' });
      port.close();
    })();
  });
}

main().catch((error: unknown) => {
  post({ kind: 'error', message: `The projections could not start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` });
  // Ends this thread only; the service starts it again.
  process.exit(1);
});

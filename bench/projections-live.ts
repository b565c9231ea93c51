import { performance } from 'node:perf_hooks';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { loadConfig } from '../src/config/app-config';
import { LedgerProjection } from '../projections/ledger/ledger.projection';
import { ProjectionRunner } from '../projections/runner/projection-runner';
import type { LedgerDataset } from './ledger-dataset';
import { writeGroups } from './ledger-writers';

const SAMPLE_MS = 250;
const CATCH_UP_POLL_MS = 50;
const CATCH_UP_GIVE_UP_MS = 120_000;
/** As src/health/projection-lag.ts: counting stops here. */
const LAG_CAP = 1_000_000;

export interface LiveResult {
  written: number;
  writeSeconds: number;
  writeRate: number;
  maxLagEvents: number;
  /** The maximum lag, in seconds of writing at the measured rate. */
  maxLagSeconds: number;
  /** From the writers stopping to the first sample at lag 0; NaN when it never got there. */
  catchUpSeconds: number;
  /** From starting the live runner to its first committed batch: it reads the read models first (only the small ones past PROJECTION_MAX_ROWS). */
  firstBatchSeconds: number;
}

/**
 * Starts the ledger live (ProjectionRunner.live, tailing store.subscribeToAll) right after a
 * rebuild, then lets writers append new groups of the same history at the store's full speed for
 * `seconds`. Lag is what /health reports: events after the checkpoint in projection_checkpoints
 * (store.countAfter), sampled every 250 ms while writing, then polled until it reaches 0.
 */
export async function measureLive(
  store: PostgresEventStore, dataSource: DataSource, pool: Pool, dataset: LedgerDataset, writers: number, seconds: number,
): Promise<LiveResult> {
  const runner = new ProjectionRunner(store, dataSource);
  let failure: unknown;
  const started = performance.now();
  let firstBatch = Number.NaN;
  const live = runner.live(new LedgerProjection(undefined, { maxResidentRows: loadConfig().projectionMaxRows }), (error) => (failure = error), () => {
    if (Number.isNaN(firstBatch)) firstBatch = (performance.now() - started) / 1000;
  });
  const lag = async (): Promise<number> => {
    const { rows } = await pool.query<{ commit: string; prepare: string }>(
      `SELECT commit_position::text AS commit, prepare_position::text AS prepare FROM projection_checkpoints WHERE name = 'ledger'`,
    );
    if (!rows[0]) throw new Error('bench: the ledger has no checkpoint after its rebuild');
    return store.countAfter({ commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) }, LAG_CAP);
  };
  try {
    let maxLag = 0;
    const sampling = new AbortController();
    const sampler = (async () => {
      while (!sampling.signal.aborted) {
        maxLag = Math.max(maxLag, await lag());
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })();
    const writeStart = performance.now();
    const deadline = writeStart + seconds * 1000;
    const written = await writeGroups(store, dataset.groups(Number.POSITIVE_INFINITY), writers, () => undefined, () => performance.now() >= deadline);
    const stopped = performance.now();
    const writeSeconds = (stopped - writeStart) / 1000;
    sampling.abort();
    await sampler;
    let catchUpSeconds = Number.NaN;
    while (failure === undefined && performance.now() - stopped < CATCH_UP_GIVE_UP_MS) {
      const behind = await lag();
      maxLag = Math.max(maxLag, behind);
      if (behind === 0) {
        catchUpSeconds = (performance.now() - stopped) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, CATCH_UP_POLL_MS));
    }
    if (failure !== undefined) throw failure instanceof Error ? failure : new Error('the live projection failed', { cause: failure });
    const writeRate = written / writeSeconds;
    return { written, writeSeconds, writeRate, maxLagEvents: maxLag, maxLagSeconds: maxLag / writeRate, catchUpSeconds, firstBatchSeconds: firstBatch };
  } finally {
    await live.stop();
  }
}

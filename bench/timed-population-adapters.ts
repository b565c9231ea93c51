import type { Pool } from 'pg';
import { performance } from 'node:perf_hooks';
import type { AppendResult, StoredEvent, StreamAppend, WriteOptions } from '../src/event-store/event-store.port';
import { PostgresEventStore } from '../src/event-store/postgres/postgres-event-store';
import { ExtractLandRegistry } from '../src/population/extract/extract-land-registry';
import { ExtractPopulationRegistry } from '../src/population/extract/extract-population-registry';
import type { HousingOwned } from '../src/population/land-registry.port';
import type { PopulationLookup } from '../src/population/population-registry.port';
import { systemClock } from '../src/shared/clock';

/** The check runner's real adapters, each timing its calls: where a population check spends its time. */
/** Time spent waiting on each dependency of the runner, in seconds. */
export class DependencyTimes {
  read = 0;
  population = 0;
  populationCalls = 0;
  land = 0;
  landCalls = 0;
  append = 0;
  appendCalls = 0;
}

async function timed<T>(work: () => Promise<T>, add: (seconds: number) => void): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    add((performance.now() - start) / 1000);
  }
}

export class TimedEventStore extends PostgresEventStore {
  constructor(pool: Pool, private readonly times: DependencyTimes) {
    super(pool, systemClock, 1024 * 1024);
  }

  override readStreams(streams: string[]): Promise<Map<string, StoredEvent[]>> {
    return timed(() => super.readStreams(streams), (s) => (this.times.read += s));
  }

  override appendMany(appends: StreamAppend[], options: WriteOptions): Promise<AppendResult> {
    this.times.appendCalls += 1;
    return timed(() => super.appendMany(appends, options), (s) => (this.times.append += s));
  }
}

export class TimedPopulationRegistry extends ExtractPopulationRegistry {
  constructor(pool: Pool, private readonly times: DependencyTimes) {
    super(pool);
  }

  override lookup(citizenIds: string[]): Promise<PopulationLookup> {
    this.times.populationCalls += 1;
    return timed(() => super.lookup(citizenIds), (s) => (this.times.population += s));
  }
}

export class TimedLandRegistry extends ExtractLandRegistry {
  constructor(pool: Pool, private readonly times: DependencyTimes) {
    super(pool);
  }

  override housingOwned(citizenIds: string[], provinceCode: string): Promise<HousingOwned> {
    this.times.landCalls += 1;
    return timed(() => super.housingOwned(citizenIds, provinceCode), (s) => (this.times.land += s));
  }
}

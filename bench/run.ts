import { checkpointsBenchmark } from './checkpoints.bench';
import { eventStoreBenchmark } from './event-store.bench';
import { httpBenchmark } from './http.bench';
import { importBenchmark } from './import.bench';
import { populationBenchmark } from './population.bench';
import { projectionsBenchmark } from './projections.bench';

/** Later benchmarks (projections, population) register here; `npm run bench` with no name runs them all. */
const BENCHMARKS: Record<string, () => Promise<void>> = {
  'event-store': eventStoreBenchmark,
  projections: projectionsBenchmark,
  population: populationBenchmark,
  http: httpBenchmark,
  import: importBenchmark,
  checkpoints: checkpointsBenchmark,
};

async function main(names: string[]): Promise<void> {
  const unknown = names.filter((name) => !(name in BENCHMARKS));
  if (unknown.length > 0) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}`);
    console.error(`Available: ${Object.keys(BENCHMARKS).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  for (const name of names.length > 0 ? names : Object.keys(BENCHMARKS)) {
    console.log(`\n== ${name} ==`);
    await BENCHMARKS[name]();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

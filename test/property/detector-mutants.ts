import { readFileSync } from 'node:fs';
import Module from 'node:module';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { MUTANTS, type Mutant } from './detector-mutants.list';
import { equivalenceSteps } from './ledger-equivalence.inputs';
import { interpret } from './ledger-history.interpreter';
import type { History } from './ledger-history.types';

/**
 * How many runs the equivalence property needs to catch each broken detector condition: for each
 * mutant of MUTANTS (the engine's compiled code changed in one place) and each seed, the first of
 * the property's runs whose history leaves the engine's tables different from the unbroken
 * engine's. The unbroken engine stands in for the oracle (the property holds them equal), and runs
 * in memory, so a full table costs seconds instead of hours; the property's own runs-to-failure
 * under the same seed are the same, as long as it passes unbroken. Run on demand, not by npm test:
 *
 *   npx tsc -p tsconfig.json && node dist/test/property/detector-mutants.js [seeds=1,2,3] [runs=200] [detector…]
 */
type Loader = (module: { _compile(code: string, filename: string): void }, filename: string) => void;
type InMemory = typeof import('./ledger-in-memory');

const ROOT = resolve(__dirname, '../..');
/** The property's run count (ledger-equivalence.test.ts): a mutant should fail within it. */
const CONFIGURED_RUNS = Number(process.env.LEDGER_EQUIVALENCE_RUNS ?? 25);
/** Engine modules reloaded for each mutant: the mutated one and every module that holds a reference to it. */
const RELOADED = [join(ROOT, 'projections'), join(ROOT, 'src'), join(ROOT, 'test/property/ledger-in-memory')];

let active: Mutant | null = null;
const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
const loadJs = extensions['.js'];
/** The mutant's module with its one change: a text that is not there exactly once is a mistake in MUTANTS. */
function mutated(mutant: Mutant): string {
  const filename = join(ROOT, `${mutant.file}.js`);
  const parts = readFileSync(filename, 'utf8').split(mutant.from);
  if (parts.length !== 2) throw new Error(`mutant "${mutant.detector}: ${mutant.condition}" matches ${parts.length - 1} times in ${filename}`);
  return parts.join(mutant.to);
}
extensions['.js'] = (module, filename) => {
  if (active === null || filename !== join(ROOT, `${active.file}.js`)) loadJs(module, filename);
  else module._compile(mutated(active), filename);
};

/** A fresh engine, built with `mutant` in place (or none). */
function engine(mutant: Mutant | null): InMemory {
  for (const key of Object.keys(require.cache)) if (RELOADED.some((prefix) => key.startsWith(prefix))) Reflect.deleteProperty(require.cache, key);
  active = mutant;
  try {
    // require, not import(): the CommonJS cache just emptied of the engine is what makes this a new build of it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: import() would reuse the cached build
    return require('./ledger-in-memory') as InMemory;
  } finally {
    active = null;
  }
}

/** The tables after a history, or the error the engine threw (the property fails on either). */
function outcome(e: InMemory, history: History): string {
  try {
    return e.comparedTables(e.runEngine(history).state);
  } catch (error) {
    return `threw ${String(error)}`;
  }
}

function main(seeds: number[], runs: number, only: string[]): void {
  const mutants = MUTANTS.filter((m) => only.length === 0 || only.includes(m.detector));
  mutants.forEach(mutated);
  const started = process.cpuUsage();
  const unbroken = engine(null);
  const runsOf = seeds.map((seed) => equivalenceSteps(seed, runs).map(interpret).map((history) => ({ history, expected: outcome(unbroken, history) })));
  console.log(`runs to failure of the equivalence property, seeds ${seeds.join(', ')}, at most ${runs} runs ('-' = not caught); load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`| detector | condition broken | ${seeds.map((s) => `seed ${s}`).join(' | ')} | seeds caught within ${CONFIGURED_RUNS} |`);
  console.log(`|---|---|${seeds.map(() => '---:').join('|')}|---:|`);
  let missed = 0;
  for (const mutant of mutants) {
    const broken = engine(mutant);
    const found = runsOf.map((seedRuns) => {
      const i = seedRuns.findIndex((run) => outcome(broken, run.history) !== run.expected);
      return i < 0 ? null : i + 1;
    });
    if (found.some((n) => n === null || n > CONFIGURED_RUNS)) missed += 1;
    const within = found.filter((n) => n !== null && n <= CONFIGURED_RUNS).length;
    console.log(`| ${mutant.detector} | ${mutant.condition} | ${found.map((n) => (n === null ? '-' : String(n))).join(' | ')} | ${within}/${seeds.length} |`);
  }
  const cpu = process.cpuUsage(started);
  console.log(`\n${mutants.length} mutants, ${missed} not caught within ${CONFIGURED_RUNS} runs under some seed; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
}

const [seeds = '1,2,3', runs = '200', ...only] = process.argv.slice(2);
main(seeds.split(',').map(Number), Number(runs), only);

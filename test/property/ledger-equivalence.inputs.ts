import fc from 'fast-check';
import { stepsArbitrary, type Step } from './ledger-history.arbitrary';
import type { IncrementalPlan } from './ledger-runs';

export const batchSizeArbitrary = fc.integer({ min: 1, max: 50 });
export const planArbitrary: fc.Arbitrary<IncrementalPlan> = fc.record({
  livePausesPercent: fc.uniqueArray(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 3 }),
  splitPercent: fc.integer({ min: 0, max: 100 }),
  crashBatch: batchSizeArbitrary,
  batchSizes: fc.array(batchSizeArbitrary, { minLength: 1, maxLength: 4 }),
});

/** Memory for a few rows (the engine evicts, misses and folds batches again) and how far it reads ahead. */
export interface Bounds { rows: number; prefetchSteps: number }
export const boundsArbitrary: fc.Arbitrary<Bounds> = fc.record({ rows: fc.integer({ min: 0, max: 8 }), prefetchSteps: fc.integer({ min: 0, max: 3 }) });

/**
 * The histories' steps the equivalence property would draw in its first `numRuns` runs under
 * `seed` (fc.sample draws as fc.assert does, given the same arbitraries in the same order: the
 * steps, the rebuild's batch size, the live run's plan, the bounded engine's memory). The coverage and mutation tools use it,
 * so that their run n under a seed is the property's run n.
 */
export function equivalenceSteps(seed: number, numRuns: number): Step[][] {
  const property = fc.property<[Step[], number, IncrementalPlan, Bounds]>(stepsArbitrary, batchSizeArbitrary, planArbitrary, boundsArbitrary, () => true);
  return fc.sample(property, { seed, numRuns }).map(([steps]) => steps);
}

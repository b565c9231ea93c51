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

/**
 * The histories' steps the equivalence property would draw in its first `numRuns` runs under
 * `seed` (fc.sample draws as fc.assert does, given the same arbitraries in the same order: the
 * steps, the rebuild's batch size, the live run's plan). The coverage and mutation tools use it,
 * so that their run n under a seed is the property's run n.
 */
export function equivalenceSteps(seed: number, numRuns: number): Step[][] {
  const property = fc.property<[Step[], number, IncrementalPlan]>(stepsArbitrary, batchSizeArbitrary, planArbitrary, () => true);
  return fc.sample(property, { seed, numRuns }).map(([steps]) => steps);
}

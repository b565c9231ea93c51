import type { PolicyVersion } from '../domain/policy';

/**
 * Decree 136/2026/NĐ-CP as reported in the news (POLICY.md marks it unverified): higher ceilings, and
 * parents of two or more children as a category from 2026-07-01 (Population Law 2025, also
 * unverified). Every figure here is for an operator to correct once the gazette text is seen; the
 * reasons say "unverified" until `verified` is set.
 */
export const decree136Of2026: PolicyVersion = {
  id: 'vn-decree-136-2026',
  title: 'Decree 136/2026/NĐ-CP on social housing (as reported; gazette text not seen)',
  citation: 'Decree 136/2026',
  source: 'News reports only (POLICY.md "unverified"); categories and conditions otherwise as Housing Law 27/2023/QH15 Art. 76–78, 88',
  scope: { provinces: 'national' },
  effectiveFrom: '2026-04-07',
  effectiveTo: null,
  verified: false,
  tenures: {
    sale: [
      'revolution-contributor', 'urban-poor', 'urban-low-income', 'worker', 'armed-forces', 'civil-servant',
      'returned-official-housing', 'land-recovery', 'two-children',
    ],
    'hire-purchase': [
      'revolution-contributor', 'urban-poor', 'urban-low-income', 'worker', 'armed-forces', 'civil-servant',
      'returned-official-housing', 'land-recovery', 'two-children',
    ],
    rent: [
      'revolution-contributor', 'urban-poor', 'urban-low-income', 'worker', 'armed-forces', 'civil-servant',
      'returned-official-housing', 'land-recovery', 'student', 'enterprise', 'two-children',
    ],
  },
  categoryOpenings: { 'two-children': { from: '2026-07-01', citation: 'Population Law 2025, unverified' } },
  priorBenefitBars: ['sale', 'hire-purchase'],
  // Parents of two children meet the housing condition like every buyer; no income condition is
  // reported for them, so none is applied.
  housing: { tenures: ['sale', 'hire-purchase'], floorAreaPerPersonBelowM2: 15, temporaryHousingQualifies: false },
  income: {
    kind: 'household-ceilings',
    tenures: ['sale', 'hire-purchase'],
    categories: ['urban-low-income', 'worker', 'armed-forces', 'civil-servant'],
    ceilingsVnd: { single: 25_000_000, singleParentWithMinor: 35_000_000, married: 50_000_000 },
  },
};

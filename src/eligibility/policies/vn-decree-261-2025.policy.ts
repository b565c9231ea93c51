import type { PolicyVersion } from '../domain/policy';

/**
 * Decree 261/2025/NĐ-CP amending Decree 100/2024: new income ceilings, including one for a single
 * parent of a minor, and a provincial coefficient (POLICY.md). Everything else is Decree 100's,
 * repeated so this file alone states the law in force from 2025-10-10 to 2026-04-06.
 */
export const decree261Of2025: PolicyVersion = {
  id: 'vn-decree-261-2025',
  title: 'Decree 261/2025/NĐ-CP amending Decree 100/2024/NĐ-CP on social housing',
  citation: 'Decree 261/2025',
  source: 'Housing Law 27/2023/QH15 Art. 76–78, 88; Decree 100/2024/NĐ-CP Art. 29–30 as amended by Decree 261/2025/NĐ-CP; from legal digests, gazette text not seen (POLICY.md)',
  scope: { provinces: 'national' },
  effectiveFrom: '2025-10-10',
  effectiveTo: '2026-04-06',
  verified: true,
  tenures: {
    sale: [
      'revolution-contributor', 'urban-poor', 'urban-low-income', 'worker', 'armed-forces', 'civil-servant',
      'returned-official-housing', 'land-recovery',
    ],
    'hire-purchase': [
      'revolution-contributor', 'urban-poor', 'urban-low-income', 'worker', 'armed-forces', 'civil-servant',
      'returned-official-housing', 'land-recovery',
    ],
    rent: [
      'revolution-contributor', 'urban-poor', 'urban-low-income', 'worker', 'armed-forces', 'civil-servant',
      'returned-official-housing', 'land-recovery', 'student', 'enterprise',
    ],
  },
  priorBenefitBars: ['sale', 'hire-purchase'],
  housing: { tenures: ['sale', 'hire-purchase'], floorAreaPerPersonBelowM2: 15, temporaryHousingQualifies: false },
  // No national coefficient: a province that sets one gets its own version file with
  // `provincialCoefficient`, which wins over this one in that province.
  income: {
    kind: 'household-ceilings',
    tenures: ['sale', 'hire-purchase'],
    categories: ['urban-low-income', 'worker', 'armed-forces', 'civil-servant'],
    ceilingsVnd: { single: 20_000_000, singleParentWithMinor: 30_000_000, married: 40_000_000 },
  },
};

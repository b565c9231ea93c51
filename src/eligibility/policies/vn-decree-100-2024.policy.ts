import type { PolicyVersion } from '../domain/policy';

/**
 * Decree 100/2024/NĐ-CP under Housing Law 27/2023/QH15 (POLICY.md), until Decree 261/2025 raised the
 * income ceilings. Who may buy, hire-purchase or rent follows Art. 77 of the Law: rural poor
 * households (Art. 76(2)–(3)) are helped to build or repair their own homes, not with social-housing
 * units; students (76(11)) and enterprises renting for their workers (76(12)) may only rent.
 */
export const decree100Of2024: PolicyVersion = {
  id: 'vn-decree-100-2024',
  title: 'Decree 100/2024/NĐ-CP detailing the Housing Law 2023 on social housing',
  citation: 'Decree 100/2024',
  source: 'Housing Law 27/2023/QH15 Art. 76–78, 88; Decree 100/2024/NĐ-CP Art. 29–30; from article-by-article legal digests, gazette text not seen (POLICY.md)',
  scope: { provinces: 'national' },
  effectiveFrom: '2024-08-01',
  effectiveTo: '2025-10-09',
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
  // Art. 78(1)(a) and 88(6): one purchase or hire-purchase in a lifetime; renters are exempt (78(2)).
  priorBenefitBars: ['sale', 'hire-purchase'],
  housing: { tenures: ['sale', 'hire-purchase'], floorAreaPerPersonBelowM2: 15, temporaryHousingQualifies: false },
  // Armed forces' ceiling is a colonel's pay (POLICY.md); until an operator enters it under
  // `ceilingsByCategoryVnd`, they are judged by the general ceilings.
  income: {
    kind: 'household-ceilings',
    tenures: ['sale', 'hire-purchase'],
    categories: ['urban-low-income', 'worker', 'armed-forces', 'civil-servant'],
    ceilingsVnd: { single: 15_000_000, singleParentWithMinor: 15_000_000, married: 30_000_000 },
  },
};

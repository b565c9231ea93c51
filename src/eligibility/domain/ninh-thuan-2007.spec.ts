import { POLICY_FILES } from '../policies/policy-files';
import { UnknownRentZone } from './eligibility.errors';
import { type EligibilityFacts, evaluateEligibility } from './evaluate-eligibility';
import { PolicyCatalogue } from './policy-catalogue';

const catalogue = new PolicyCatalogue(POLICY_FILES);
const CITE = '(Ninh Thuận Resolution 02/2007/NQ-HĐND)';

/** A civil servant of Phan Rang–Tháp Chàm renting in 2010 who meets every condition. */
const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  category: 'civil-servant', tenure: 'rent', provinceCode: '58', decisionDate: '2010-06-01', monthlyIncomeVnd: 3_000_000,
  householdKind: 'married', housing: { ownsHome: false }, hasPriorBenefit: false, ...overrides,
});
const judge = (f: EligibilityFacts) => evaluateEligibility(f, catalogue.inForce(f.provinceCode, f.decisionDate));

describe('Ninh Thuận Resolution 02/2007/NQ-HĐND', () => {
  describe('choosing the version', () => {
    it('given province 58 on 2010-06-01, when the policy is chosen, then it is the 2007 resolution', () =>
      expect(catalogue.inForce('58', '2010-06-01').id).toBe('ninh-thuan-resolution-02-2007'));

    it.each([['2007-08-05'], ['2015-06-30']])('given province 58 on %s, when chosen, then the resolution is in force', (date) =>
      expect(catalogue.inForce('58', date).id).toBe('ninh-thuan-resolution-02-2007'));

    it.each([['2007-08-04'], ['2015-07-01']])('given province 58 on %s, when chosen, then no policy is in force', (date) =>
      expect(() => catalogue.inForce('58', date)).toThrow(/No eligibility policy is in force for province 58/));

    it('given province 56 on 2010-06-01, when chosen, then the resolution does not apply outside Ninh Thuận', () =>
      expect(() => catalogue.inForce('56', '2010-06-01')).toThrow(/province 56/));

    it('given province 58 in 2025, when chosen, then the national decree applies', () =>
      expect(catalogue.inForce('58', '2025-11-03').id).toBe('vn-decree-261-2025'));
  });

  describe('income band: ≤ 5× the rent of 60 m², ≥ 4× the rent of 30 m²', () => {
    // Default zone urban class III at 13,000 VND/m²: 5 × 60 × 13,000 = 3,900,000; 4 × 30 × 13,000 = 1,560,000.
    it.each([
      [1_559_999, 'ineligible'], [1_560_000, 'eligible'], [3_900_000, 'eligible'], [3_900_001, 'ineligible'],
    ] as const)('given a household earning %p VND in the default zone, when judged, then %s', (monthlyIncomeVnd, outcome) =>
      expect(judge(facts({ monthlyIncomeVnd })).outcome).toBe(outcome));

    it('given a household above the band, when judged, then the reason shows the computed bound and its zone', () =>
      expect(judge(facts({ monthlyIncomeVnd: 4_000_000 })).reasons).toEqual([
        `household monthly income 4,000,000 VND exceeds 3,900,000 VND, 5 × the monthly rent of a 60 m² unit, at 13,000 VND/m² in zone "urban-class-iii" (the policy's default zone) ${CITE}`,
      ]));

    it('given a household below the band, when judged, then refused as unable to pay the rent', () =>
      expect(judge(facts({ monthlyIncomeVnd: 1_000_000, rentZone: 'industrial-zone' })).reasons).toEqual([
        `household monthly income 1,000,000 VND is under 1,080,000 VND, 4 × the monthly rent of a 30 m² unit, at 9,000 VND/m² in zone "industrial-zone" ${CITE}`,
      ]));

    it('given a mountain-zone project, when a household earns 2,700,001 VND, then refused at 9,000 VND/m²', () =>
      expect(judge(facts({ rentZone: 'rural-mountains', monthlyIncomeVnd: 2_700_001 })).outcome).toBe('ineligible'));

    it('given a zone the resolution does not price, when judged, then the facts are refused', () =>
      expect(() => judge(facts({ rentZone: 'urban-class-i' }))).toThrow(UnknownRentZone));

    it('given a hire-purchaser, when earning within the band, then eligible: the band applies to both tenures', () =>
      expect(judge(facts({ tenure: 'hire-purchase' })).reasons).toContain(
        'household monthly income 3,000,000 VND is between 1,560,000 VND, 4 × the monthly rent of a 30 m² unit, ' +
          `and 3,900,000 VND, 5 × the monthly rent of a 60 m² unit, at 13,000 VND/m² in zone "urban-class-iii" (the policy's default zone) ${CITE}`,
      ));
  });

  describe('categories and tenures', () => {
    it.each(['civil-servant', 'armed-forces', 'worker', 'returned-official-housing'] as const)('given category %s, when renting, then eligible', (category) =>
      expect(judge(facts({ category })).outcome).toBe('eligible'));

    it.each(['urban-low-income', 'student', 'revolution-contributor'] as const)('given category %s, when renting, then refused', (category) =>
      expect(judge(facts({ category })).reasons).toContain(`category "${category}" may not rent social housing ${CITE}`));

    it('given a civil servant, when buying, then refused: the resolution offers renting and hire-purchase only', () =>
      expect(judge(facts({ tenure: 'sale' })).reasons).toContain(`category "civil-servant" may not buy social housing ${CITE}`));
  });

  describe('housing: under 5 m² per person, or temporary housing; renters are not exempt', () => {
    it('given a renter with 4.9 m² per person, when judged, then eligible', () =>
      expect(judge(facts({ housing: { ownsHome: true, floorAreaPerPersonM2: 4.9 } })).outcome).toBe('eligible'));

    it('given a renter with 5 m² per person, when judged, then refused', () =>
      expect(judge(facts({ housing: { ownsHome: true, floorAreaPerPersonM2: 5 } })).reasons).toEqual([
        `the housing owned has 5 m² of floor per person, not under the 5 m² limit ${CITE}`,
      ]));

    it('given a renter whose own house is dilapidated, when judged, then eligible whatever its area', () =>
      expect(judge(facts({ housing: { ownsHome: true, floorAreaPerPersonM2: 12, temporaryOrDilapidated: true } })).reasons).toContain(
        `the housing owned is temporary or dilapidated ${CITE}`,
      ));

    it('given a household that already rented state housing, when renting again, then refused', () =>
      expect(judge(facts({ hasPriorBenefit: true })).reasons).toEqual([
        `the applicant or spouse already had a housing benefit, which bars renting social housing ${CITE}`,
      ]));
  });
});

import { POLICY_FILES } from '../policies/policy-files';
import { decree261Of2025 } from '../policies/vn-decree-261-2025.policy';
import { type EligibilityFacts, evaluateEligibility } from './evaluate-eligibility';
import { CATEGORIES, type Category, TENURES, type Tenure } from './policy';
import { PolicyCatalogue } from './policy-catalogue';

const catalogue = new PolicyCatalogue(POLICY_FILES);

/** A worker in Hà Nội buying under Decree 261/2025 who meets every condition. */
const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  category: 'worker', tenure: 'sale', provinceCode: '01', decisionDate: '2025-11-03', monthlyIncomeVnd: 12_000_000,
  householdKind: 'single', housing: { ownsHome: false }, hasPriorBenefit: false, ...overrides,
});
const judge = (f: EligibilityFacts) => evaluateEligibility(f, catalogue.inForce(f.provinceCode, f.decisionDate));

// Housing Law 2023 Art. 77 as encoded: rural poor households are helped to build their own homes;
// students and enterprises may only rent; everyone else may buy, hire-purchase or rent.
const ALLOWED: Record<Category, readonly Tenure[]> = {
  'revolution-contributor': TENURES, 'rural-poor': [], 'rural-poor-disaster': [], 'urban-poor': TENURES,
  'urban-low-income': TENURES, worker: TENURES, 'armed-forces': TENURES, 'civil-servant': TENURES,
  'returned-official-housing': TENURES, 'land-recovery': TENURES, student: ['rent'], enterprise: ['rent'], 'two-children': [],
};

describe('evaluateEligibility under the national decrees', () => {
  describe('categories and tenures (Decree 261/2025)', () => {
    const cases = CATEGORIES.flatMap((category) => TENURES.map((tenure) => ({ category, tenure, allowed: ALLOWED[category].includes(tenure) })));

    it.each(cases)('given category $category applying for $tenure, when judged, then eligible is $allowed', ({ category, tenure, allowed }) => {
      const result = judge(facts({ category, tenure }));
      expect(result.outcome).toBe(allowed ? 'eligible' : 'ineligible');
      if (!allowed) expect(result.reasons).toContain(`category "${category}" may not ${tenure === 'sale' ? 'buy' : tenure} social housing (Decree 261/2025)`);
    });

    it('given a student applying to buy, when judged, then refused because students may only rent', () =>
      expect(judge(facts({ category: 'student', tenure: 'sale' }))).toEqual({
        policyVersion: 'vn-decree-261-2025', outcome: 'ineligible', reasons: ['category "student" may not buy social housing (Decree 261/2025)'],
      }));
  });

  describe('parents of two children (Population Law 2025, unverified)', () => {
    it('given a decision on 2026-06-30, when judged, then refused: the category opens on 2026-07-01', () =>
      expect(judge(facts({ category: 'two-children', decisionDate: '2026-06-30' })).reasons).toEqual([
        'category "two-children" may apply only from 2026-07-01 (Population Law 2025, unverified)',
      ]));

    it('given a decision on 2026-07-01, when judged, then eligible under Decree 136/2026', () =>
      expect(judge(facts({ category: 'two-children', decisionDate: '2026-07-01' }))).toMatchObject({ policyVersion: 'vn-decree-136-2026', outcome: 'eligible' }));

    it('given a decision under Decree 261/2025, when judged, then refused: no such category yet', () =>
      expect(judge(facts({ category: 'two-children', tenure: 'rent' })).outcome).toBe('ineligible'));
  });

  describe('one benefit only (Art. 78(1)(a), 88(6))', () => {
    it.each(['sale', 'hire-purchase'] as const)('given a prior benefit, when applying for %s, then refused', (tenure) =>
      expect(judge(facts({ tenure, hasPriorBenefit: true })).reasons).toEqual([
        `the applicant or spouse already had a housing benefit, which bars ${tenure === 'sale' ? 'buying' : 'hire-purchasing'} social housing (Decree 261/2025)`,
      ]));

    it('given a prior benefit, when applying to rent, then eligible: renting is no second purchase', () =>
      expect(judge(facts({ tenure: 'rent', hasPriorBenefit: true })).reasons).toContain('a prior housing benefit does not bar renting (Decree 261/2025)'));
  });

  describe('housing condition (Art. 78(1)(a): under 15 m² of floor per person)', () => {
    it('given housing with 14.9 m² per person, when buying, then eligible', () =>
      expect(judge(facts({ housing: { ownsHome: true, floorAreaPerPersonM2: 14.9 } })).reasons).toContain(
        'the housing owned has 14.9 m² of floor per person, under the 15 m² limit (Decree 261/2025)',
      ));

    it('given housing with 15 m² per person, when buying, then refused', () =>
      expect(judge(facts({ housing: { ownsHome: true, floorAreaPerPersonM2: 15 } })).reasons).toEqual([
        'the housing owned has 15 m² of floor per person, not under the 15 m² limit (Decree 261/2025)',
      ]));

    it('given owned housing with no floor area stated, when buying, then refused', () =>
      expect(judge(facts({ housing: { ownsHome: true } })).outcome).toBe('ineligible'));

    it('given owned housing that is dilapidated but large, when buying, then refused: the decrees give no such exception', () =>
      expect(judge(facts({ housing: { ownsHome: true, floorAreaPerPersonM2: 20, temporaryOrDilapidated: true } })).outcome).toBe('ineligible'));
  });

  describe('renters (Art. 78(2))', () => {
    it('given a renter with a large home and a high income, when judged, then eligible: no housing or income condition', () =>
      expect(judge(facts({ tenure: 'rent', monthlyIncomeVnd: 90_000_000, housing: { ownsHome: true, floorAreaPerPersonM2: 40 } }))).toEqual({
        policyVersion: 'vn-decree-261-2025',
        outcome: 'eligible',
        reasons: [
          'category "worker" may rent social housing (Decree 261/2025)',
          'the housing condition does not apply to renting (Decree 261/2025)',
          'the income condition does not apply to renting (Decree 261/2025)',
        ],
      }));
  });

  describe('reasons', () => {
    it('given an eligible buyer, when judged, then every ground is listed with its source', () =>
      expect(judge(facts()).reasons).toEqual([
        'category "worker" may buy social housing (Decree 261/2025)',
        'the applicant and spouse own no housing in the province (Decree 261/2025)',
        'monthly income 12,000,000 VND is within the 20,000,000 VND ceiling for a single applicant (Decree 261/2025)',
      ]));

    it('given several unmet conditions, when judged, then every one is listed and nothing that passed', () =>
      expect(judge(facts({ hasPriorBenefit: true, monthlyIncomeVnd: 21_000_000, housing: { ownsHome: true, floorAreaPerPersonM2: 30 } })).reasons).toEqual([
        'the applicant or spouse already had a housing benefit, which bars buying social housing (Decree 261/2025)',
        'the housing owned has 30 m² of floor per person, not under the 15 m² limit (Decree 261/2025)',
        'monthly income 21,000,000 VND exceeds the 20,000,000 VND ceiling for a single applicant (Decree 261/2025)',
      ]));

    it('given a category without an income condition, when earning above every ceiling, then eligible', () =>
      expect(judge(facts({ category: 'revolution-contributor', monthlyIncomeVnd: 90_000_000 })).reasons).toContain(
        'category "revolution-contributor" has no income condition (Decree 261/2025)',
      ));
  });

  describe('the version judged by', () => {
    it('given a version not in force on the decision date, when judged by it, then the call is refused', () =>
      expect(() => evaluateEligibility(facts({ decisionDate: '2026-04-07' }), decree261Of2025)).toThrow(/not in force/));

    it('given a decision instant instead of its day, when judged, then the call is refused', () =>
      expect(() => evaluateEligibility(facts({ decisionDate: '2025-11-03T09:00:00+07:00' }), decree261Of2025)).toThrow(RangeError));

    it('given a provincial version, when judging a file of another province, then the call is refused', () =>
      expect(() => evaluateEligibility(facts({ provinceCode: '01', decisionDate: '2010-06-01' }), catalogue.inForce('58', '2010-06-01')))
        .toThrow(/not in force for province 01/));
  });
});

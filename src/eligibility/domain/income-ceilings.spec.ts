import { POLICY_FILES } from '../policies/policy-files';
import { decree261Of2025 } from '../policies/vn-decree-261-2025.policy';
import { type EligibilityFacts, evaluateEligibility } from './evaluate-eligibility';
import type { HouseholdCeilingRule, HouseholdKind, PolicyVersion } from './policy';
import { PolicyCatalogue } from './policy-catalogue';

const catalogue = new PolicyCatalogue(POLICY_FILES);

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  category: 'civil-servant', tenure: 'sale', provinceCode: '31', decisionDate: '2025-11-03', monthlyIncomeVnd: 10_000_000,
  householdKind: 'single', housing: { ownsHome: false }, hasPriorBenefit: false, ...overrides,
});
const judge = (f: EligibilityFacts) => evaluateEligibility(f, catalogue.inForce(f.provinceCode, f.decisionDate));

const WHOM: Record<HouseholdKind, string> = {
  single: 'a single applicant', 'single-parent-with-minor': 'a single parent of a minor', married: 'a married couple (combined income)',
};

// POLICY.md's table, judged on the first and last days of each version so the boundaries are proven too.
const VERSIONS = [
  { date: '2025-10-09', id: 'vn-decree-100-2024', cite: 'Decree 100/2024', ceilings: { single: 15_000_000, 'single-parent-with-minor': 15_000_000, married: 30_000_000 } },
  { date: '2025-10-10', id: 'vn-decree-261-2025', cite: 'Decree 261/2025', ceilings: { single: 20_000_000, 'single-parent-with-minor': 30_000_000, married: 40_000_000 } },
  { date: '2026-04-06', id: 'vn-decree-261-2025', cite: 'Decree 261/2025', ceilings: { single: 20_000_000, 'single-parent-with-minor': 30_000_000, married: 40_000_000 } },
  { date: '2026-04-07', id: 'vn-decree-136-2026', cite: 'Decree 136/2026, unverified', ceilings: { single: 25_000_000, 'single-parent-with-minor': 35_000_000, married: 50_000_000 } },
] as const;
const KINDS = ['single', 'single-parent-with-minor', 'married'] as const;
const BANDS = [
  { band: 'just under', delta: -1, outcome: 'eligible', verb: 'is within' },
  { band: 'at', delta: 0, outcome: 'eligible', verb: 'is within' },
  { band: 'just over', delta: 1, outcome: 'ineligible', verb: 'exceeds' },
] as const;
const CASES = VERSIONS.flatMap((v) => KINDS.flatMap((householdKind) => BANDS.map((b) => ({ ...v, ...b, householdKind, ceiling: v.ceilings[householdKind] }))));
const vnd = (n: number) => `${n.toLocaleString('en-US')} VND`;

describe('income ceilings (Decree 100/2024 Art. 30, Decree 261/2025, Decree 136/2026)', () => {
  it.each(CASES)(
    'given a $householdKind applicant on $date earning $band the ceiling, when judged, then $outcome under $id',
    ({ date, id, cite, householdKind, ceiling, delta, outcome, verb }) => {
      const income = ceiling + delta;
      const result = judge(facts({ decisionDate: date, householdKind, monthlyIncomeVnd: income }));
      expect(result.policyVersion).toBe(id);
      expect(result.outcome).toBe(outcome);
      expect(result.reasons).toContain(`monthly income ${vnd(income)} ${verb} the ${vnd(ceiling)} ceiling for ${WHOM[householdKind]} (${cite})`);
    },
  );

  it('given a single applicant earning 16,000,000 VND, when judged on 2025-10-09 and on 2025-10-10, then refused and then accepted', () => {
    expect(judge(facts({ decisionDate: '2025-10-09', monthlyIncomeVnd: 16_000_000 })).outcome).toBe('ineligible');
    expect(judge(facts({ decisionDate: '2025-10-10', monthlyIncomeVnd: 16_000_000 })).outcome).toBe('eligible');
  });

  it('given a single applicant earning 22,000,000 VND, when judged on 2026-04-06 and on 2026-04-07, then refused and then accepted', () => {
    expect(judge(facts({ decisionDate: '2026-04-06', monthlyIncomeVnd: 22_000_000 })).outcome).toBe('ineligible');
    expect(judge(facts({ decisionDate: '2026-04-07', monthlyIncomeVnd: 22_000_000 })).outcome).toBe('eligible');
  });

  it('given a single applicant earning 32,000,000 VND under Decree 136/2026, when judged, then the unverified ceiling is quoted', () =>
    expect(judge(facts({ decisionDate: '2026-05-01', monthlyIncomeVnd: 32_000_000 })).reasons).toEqual([
      'monthly income 32,000,000 VND exceeds the 25,000,000 VND ceiling for a single applicant (Decree 136/2026, unverified)',
    ]));

  it.each(['urban-low-income', 'worker', 'armed-forces', 'civil-servant'] as const)(
    'given category %s earning over the ceiling, when buying, then refused', (category) =>
      expect(judge(facts({ category, monthlyIncomeVnd: 20_000_001 })).outcome).toBe('ineligible'),
  );

  it('given a hire-purchaser earning over the ceiling, when judged, then refused like a buyer', () =>
    expect(judge(facts({ tenure: 'hire-purchase', monthlyIncomeVnd: 20_000_001 })).outcome).toBe('ineligible'));

  describe('figures an operator adds to a version', () => {
    const withIncome = (changes: Partial<HouseholdCeilingRule>): PolicyVersion => ({
      ...decree261Of2025, income: { ...(decree261Of2025.income as HouseholdCeilingRule), ...changes },
    });

    it('given a provincial coefficient of 1.2, when a single applicant earns 24,000,000 VND, then the raised ceiling admits them', () =>
      expect(evaluateEligibility(facts({ monthlyIncomeVnd: 24_000_000 }), withIncome({ provincialCoefficient: 1.2 })).reasons).toContain(
        'monthly income 24,000,000 VND is within the 24,000,000 VND ceiling (20,000,000 VND × provincial coefficient 1.2) for a single applicant (Decree 261/2025)',
      ));

    it("given an armed-forces ceiling (a colonel's pay), when an officer earns above the general one, then that ceiling decides", () => {
      const policy = withIncome({ ceilingsByCategoryVnd: { 'armed-forces': { single: 28_000_000, singleParentWithMinor: 36_000_000, married: 56_000_000 } } });
      expect(evaluateEligibility(facts({ category: 'armed-forces', monthlyIncomeVnd: 27_000_000 }), policy).reasons).toContain(
        'monthly income 27,000,000 VND is within the 28,000,000 VND ceiling for a single applicant of category "armed-forces" (Decree 261/2025)',
      );
      expect(evaluateEligibility(facts({ category: 'worker', monthlyIncomeVnd: 27_000_000 }), policy).outcome).toBe('ineligible');
    });
  });
});

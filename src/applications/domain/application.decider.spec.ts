import { given } from '../../../test/support/given-when-then';
import { fold } from '../../shared/decider';
import {
  AmendApplication,
  applicationDecider,
  RecordAllocation,
  RecordEligibilityDecision,
  RecordPriorityRank,
  RecordRevocation,
  SubmitApplication,
  WithdrawApplication,
} from './application.decider';
import {
  ApplicationAllocationRevoked,
  ApplicationAmended,
  ApplicationEvent,
  ApplicationSubmitted,
  ApplicationUnitAllocated,
  ApplicationWithdrawn as Withdrawn,
  EligibilityDecided,
  PopulationCheckRecorded,
  PriorityRanked,
} from './application.events';
import {
  ApplicationAllocationNotInForce,
  ApplicationAlreadyAllocated,
  ApplicationAlreadySubmitted,
  ApplicationForAnotherProject,
  ApplicationNotFound,
  ApplicationWithdrawn,
  DecisionBeforeSubmission,
  DecisionInFuture,
  JustificationRequired,
  NotEligible,
} from './applications.errors';

const ID = 'app-1';
const PROJECT = 'hp-an-dong';
const NOW = '2025-06-01T02:00:00.000Z';

const file: ApplicationSubmitted['data'] = {
  applicationId: ID,
  projectId: PROJECT,
  provinceCode: '31',
  tenure: 'sale',
  category: 'worker',
  monthlyIncomeVnd: 14_500_000,
  applicant: { citizenId: '031190001234', fullName: 'Nguyễn Thị Lan', dateOfBirth: '1990-04-12', gender: 'female' },
  household: [{ citizenId: '031088004321', fullName: 'Trần Văn Minh', dateOfBirth: '1988-09-30', gender: 'male', relation: 'spouse' }],
  housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
  submittedAt: '2025-03-10T09:00:00+07:00',
  receivedBy: 'officer-7',
};
const submit: SubmitApplication = { type: 'SubmitApplication', data: file };
const submitted: ApplicationSubmitted = { type: 'ApplicationSubmitted', data: file };

const amend: AmendApplication = {
  type: 'AmendApplication',
  data: { applicationId: ID, changes: { monthlyIncomeVnd: 13_000_000 }, reason: 'payslips', now: NOW },
};
const amended: ApplicationAmended = {
  type: 'ApplicationAmended',
  data: { applicationId: ID, changes: { monthlyIncomeVnd: 13_000_000 }, reason: 'payslips', amendedAt: NOW },
};
const withdraw: WithdrawApplication = { type: 'WithdrawApplication', data: { applicationId: ID, reason: 'moved', now: NOW } };
const withdrawn: Withdrawn = { type: 'ApplicationWithdrawn', data: { applicationId: ID, reason: 'moved', withdrawnAt: NOW } };
const populationCheck: PopulationCheckRecorded = {
  type: 'PopulationCheckRecorded',
  data: {
    applicationId: ID,
    provinceCode: '31',
    checkedAt: NOW,
    sources: { population: { kind: 'extract', snapshot: 'population-extract-1' }, land: { kind: 'extract', snapshot: 'land-extract-1' } },
    persons: [],
  },
};

const board = { decisionNo: 'QĐ-12/2025', decidedBy: 'board-31', decidedAt: '2025-04-02', reasons: [], justification: null };
const policy = { policyVersion: 'national-2024-08', policyOutcome: 'eligible' as const, policyReasons: [] };
const decide = (data: Partial<RecordEligibilityDecision['data']> = {}): RecordEligibilityDecision => ({
  type: 'RecordEligibilityDecision',
  data: { applicationId: ID, outcome: 'eligible', ...board, policy, now: NOW, ...data },
});
const decided = (data: Partial<EligibilityDecided['data']> = {}): EligibilityDecided => ({
  type: 'EligibilityDecided',
  data: { applicationId: ID, outcome: 'eligible', ...board, ...policy, ...data },
});
const ineligibleByPolicy = { policyOutcome: 'ineligible' as const, policyReasons: ['income above 15,000,000 VND'] };

const rank = (projectId = PROJECT): RecordPriorityRank => ({
  type: 'RecordPriorityRank',
  data: { applicationId: ID, projectId, method: 'ballot', rank: 7, now: NOW },
});
const ranked: PriorityRanked = {
  type: 'PriorityRanked',
  data: { applicationId: ID, projectId: PROJECT, method: 'ballot', rank: 7, rankedAt: NOW },
};
const allocation = { applicationId: ID, allocationId: 'alloc-1', projectId: PROJECT, unitNo: 'A-101' };
const recordAllocation = (data: Partial<RecordAllocation['data']> = {}): RecordAllocation => ({
  type: 'RecordAllocation',
  data: { ...allocation, now: NOW, ...data },
});
const allocated: ApplicationUnitAllocated = { type: 'UnitAllocated', data: { ...allocation, allocatedAt: NOW } };
const recordRevocation = (data: Partial<RecordRevocation['data']> = {}): RecordRevocation => ({
  type: 'RecordRevocation',
  data: { ...allocation, now: NOW, ...data },
});
const revoked: ApplicationAllocationRevoked = { type: 'AllocationRevoked', data: { ...allocation, revokedAt: NOW } };
const second = { allocationId: 'alloc-2', unitNo: 'A-102' };
const allocatedAgain: ApplicationUnitAllocated = { type: 'UnitAllocated', data: { ...allocation, ...second, allocatedAt: NOW } };

describe('application decider', () => {
  describe('submission', () => {
    it('records a submission', () => given(applicationDecider, []).when(submit).then([submitted]));
    it('refuses the same application id twice', () =>
      given(applicationDecider, [submitted]).when(submit).thenThrows(ApplicationAlreadySubmitted));
  });

  describe('amendment', () => {
    it('records an amendment to an open file', () => given(applicationDecider, [submitted]).when(amend).then([amended]));
    it('refuses to amend an application never submitted', () => given(applicationDecider, []).when(amend).thenThrows(ApplicationNotFound));
    it('refuses to amend a withdrawn application', () =>
      given(applicationDecider, [submitted, withdrawn]).when(amend).thenThrows(ApplicationWithdrawn));
    it('refuses to amend an application after its allocation', () =>
      given(applicationDecider, [submitted, decided(), allocated])
        .when(amend)
        .thenThrows(ApplicationAlreadyAllocated, /alloc-1/));
  });

  describe('withdrawal', () => {
    it('records a withdrawal', () => given(applicationDecider, [submitted]).when(withdraw).then([withdrawn]));
    it('refuses a second withdrawal', () =>
      given(applicationDecider, [submitted, withdrawn]).when(withdraw).thenThrows(ApplicationWithdrawn));
    it('refuses a withdrawal after allocation', () =>
      given(applicationDecider, [submitted, decided(), allocated]).when(withdraw).thenThrows(ApplicationAlreadyAllocated));
  });

  describe('eligibility decision', () => {
    it('records the board outcome beside the policy evaluation', () =>
      given(applicationDecider, [submitted, populationCheck]).when(decide()).then([decided()]));
    it('records an "ineligible" decision', () =>
      given(applicationDecider, [submitted])
        .when(decide({ outcome: 'ineligible', reasons: ['owns a home'] }))
        .then([decided({ outcome: 'ineligible', reasons: ['owns a home'] })]));
    it('records an "eligible" override of the policy when justified', () =>
      given(applicationDecider, [submitted])
        .when(decide({ policy: { ...policy, ...ineligibleByPolicy }, justification: 'income falls after divorce, Mẫu 05' }))
        .then([decided({ ...ineligibleByPolicy, justification: 'income falls after divorce, Mẫu 05' })]));
    it.each([null, '   '])('refuses an "eligible" decision the policy says is ineligible, with justification %p', (justification) =>
      given(applicationDecider, [submitted])
        .when(decide({ policy: { ...policy, ...ineligibleByPolicy }, justification }))
        .thenThrows(JustificationRequired, /national-2024-08/),
    );
    it('records a decision after an allocation (grounds for a revocation)', () =>
      given(applicationDecider, [submitted, decided(), allocated])
        .when(decide({ outcome: 'ineligible', decisionNo: 'QĐ-90/2025' }))
        .then([decided({ outcome: 'ineligible', decisionNo: 'QĐ-90/2025' })]));
    it('refuses a decision on an application never submitted', () =>
      given(applicationDecider, []).when(decide()).thenThrows(ApplicationNotFound));
    it('refuses a decision on a withdrawn application', () =>
      given(applicationDecider, [submitted, withdrawn]).when(decide()).thenThrows(ApplicationWithdrawn));
    it('refuses a decision dated the day before submission', () =>
      given(applicationDecider, [submitted])
        .when(decide({ decidedAt: '2025-03-09' }))
        .thenThrows(DecisionBeforeSubmission, /2025-03-09/));
    it('refuses a decision stamped an hour before submission', () =>
      given(applicationDecider, [submitted])
        .when(decide({ decidedAt: '2025-03-10T08:00:00+07:00' }))
        .thenThrows(DecisionBeforeSubmission));
    it('accepts a decision dated the day of submission', () =>
      given(applicationDecider, [submitted])
        .when(decide({ decidedAt: '2025-03-10' }))
        .then([decided({ decidedAt: '2025-03-10' })]));
    it('refuses a decision dated after the moment it is recorded', () =>
      given(applicationDecider, [submitted])
        .when(decide({ decidedAt: '2025-06-02' }))
        .thenThrows(DecisionInFuture));
    it('accepts a decision dated today in Vietnam while it is still yesterday in UTC', () =>
      given(applicationDecider, [submitted])
        .when(decide({ decidedAt: '2025-06-02', now: '2025-06-01T18:00:00.000Z' }))
        .then([decided({ decidedAt: '2025-06-02' })]));
  });

  describe('priority ranking', () => {
    it('records the rank of an eligible application', () => given(applicationDecider, [submitted, decided()]).when(rank()).then([ranked]));
    it('refuses to rank an application not eligible', () =>
      given(applicationDecider, [submitted, decided({ outcome: 'ineligible' })])
        .when(rank())
        .thenThrows(NotEligible));
    it('refuses to rank a withdrawn application', () =>
      given(applicationDecider, [submitted, decided(), withdrawn]).when(rank()).thenThrows(ApplicationWithdrawn));
    it("refuses to rank an application in another project's ballot", () =>
      given(applicationDecider, [submitted, decided()]).when(rank('hp-vinh-niem')).thenThrows(ApplicationForAnotherProject));
    it('refuses to rank an application never submitted', () => given(applicationDecider, []).when(rank()).thenThrows(ApplicationNotFound));
  });

  describe('allocation mirror', () => {
    it('records the allocation by reference', () =>
      given(applicationDecider, [submitted, decided(), ranked]).when(recordAllocation()).then([allocated]));
    it('refuses an allocation without an eligible decision in force', () =>
      given(applicationDecider, [submitted]).when(recordAllocation()).thenThrows(NotEligible));
    it('refuses an allocation when an amendment voided the decision', () =>
      given(applicationDecider, [submitted, decided(), amended]).when(recordAllocation()).thenThrows(NotEligible));
    it('refuses an allocation to a withdrawn application', () =>
      given(applicationDecider, [submitted, decided(), withdrawn]).when(recordAllocation()).thenThrows(ApplicationWithdrawn));
    it('refuses a second allocation to the same application', () =>
      given(applicationDecider, [submitted, decided(), allocated])
        .when(recordAllocation({ allocationId: 'alloc-2', unitNo: 'A-102' }))
        .thenThrows(ApplicationAlreadyAllocated));
    it('refuses an allocation in another project', () =>
      given(applicationDecider, [submitted, decided()])
        .when(recordAllocation({ projectId: 'hp-vinh-niem' }))
        .thenThrows(ApplicationForAnotherProject));
    it('refuses an allocation to an application never submitted', () =>
      given(applicationDecider, []).when(recordAllocation()).thenThrows(ApplicationNotFound));
  });

  describe('revocation mirror: a revoked allocation frees the file', () => {
    it('records the revocation of the allocation in force by reference', () =>
      given(applicationDecider, [submitted, decided(), allocated]).when(recordRevocation()).then([revoked]));
    it('refuses a second revocation of the same allocation', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked])
        .when(recordRevocation())
        .thenThrows(ApplicationAllocationNotInForce, /alloc-1/));
    it('refuses to revoke an allocation the file does not hold', () =>
      given(applicationDecider, [submitted, decided(), allocated])
        .when(recordRevocation({ allocationId: 'alloc-9' }))
        .thenThrows(ApplicationAllocationNotInForce));
    it('refuses to revoke on a file never allocated', () =>
      given(applicationDecider, [submitted, decided()]).when(recordRevocation()).thenThrows(ApplicationAllocationNotInForce));
    it('refuses to revoke on an application never submitted', () =>
      given(applicationDecider, []).when(recordRevocation()).thenThrows(ApplicationNotFound));
    it('allocates again after a revocation, another unit', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked])
        .when(recordAllocation(second))
        .then([allocatedAgain]));
    it('allocates again after a revocation, the same unit under a new allocation id', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked])
        .when(recordAllocation({ allocationId: 'alloc-2' }))
        .then([{ type: 'UnitAllocated', data: { ...allocation, allocationId: 'alloc-2', allocatedAt: NOW } }]));
    it('revokes the second allocation too', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked, allocatedAgain])
        .when(recordRevocation(second))
        .then([{ type: 'AllocationRevoked', data: { ...allocation, ...second, revokedAt: NOW } }]));
    it('refuses a re-allocation after a revocation when an "ineligible" decision grounded it', () =>
      given(applicationDecider, [submitted, decided(), allocated, decided({ outcome: 'ineligible', decisionNo: 'QĐ-90/2025' }), revoked])
        .when(recordAllocation(second))
        .thenThrows(NotEligible));
    it('withdraws after a revocation', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked]).when(withdraw).then([withdrawn]));
    it('refuses an allocation after a revocation and a withdrawal', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked, withdrawn])
        .when(recordAllocation(second))
        .thenThrows(ApplicationWithdrawn));
    it('amends after a revocation, which voids the decision until decided again', () =>
      given(applicationDecider, [submitted, decided(), allocated, revoked, amended]).when(recordAllocation(second)).thenThrows(NotEligible));
    it('says "revoked" with no allocation in force, and keeps the decision in force', () =>
      expect(fold(applicationDecider, [submitted, decided(), allocated, revoked])).toMatchObject({
        status: 'revoked',
        allocation: null,
        currentlyEligible: true,
        decisionInForce: { outcome: 'eligible', decisionNo: 'QĐ-12/2025' },
      }));
  });

  describe('currently eligible', () => {
    const eligibleAfter = (events: ApplicationEvent[]) => {
      const state = fold(applicationDecider, events);
      return state.status !== 'not-submitted' && state.currentlyEligible;
    };
    it('is eligible when the last decision is "eligible"', () => expect(eligibleAfter([submitted, decided()])).toBe(true));
    it('is not eligible before any decision', () => expect(eligibleAfter([submitted])).toBe(false));
    it('follows the last decision', () =>
      expect(eligibleAfter([submitted, decided(), decided({ outcome: 'ineligible', decisionNo: 'QĐ-13/2025' })])).toBe(false));
    it('is not eligible once withdrawn', () => expect(eligibleAfter([submitted, decided(), withdrawn])).toBe(false));
    it('is not eligible after an amendment until decided again', () => {
      expect(eligibleAfter([submitted, decided(), amended])).toBe(false);
      expect(eligibleAfter([submitted, decided(), amended, decided({ decisionNo: 'QĐ-14/2025' })])).toBe(true);
    });
    it('stays eligible once allocated', () => expect(eligibleAfter([submitted, decided(), allocated])).toBe(true));
  });

  describe('state', () => {
    it('follows an amended tenure, which the unit allocation must match', () => {
      const changes = { tenure: 'rent' as const };
      const state = fold(applicationDecider, [submitted, { ...amended, data: { ...amended.data, changes } }]);
      expect(state).toMatchObject({ status: 'open', tenure: 'rent', citizenId: '031190001234', projectId: PROJECT });
    });

    it('keeps the rank and the allocation by reference', () =>
      expect(fold(applicationDecider, [submitted, decided(), ranked, allocated])).toMatchObject({
        status: 'allocated',
        priorityRank: { method: 'ballot', rank: 7 },
        allocation: { allocationId: 'alloc-1', projectId: PROJECT, unitNo: 'A-101' },
      }));
  });
});

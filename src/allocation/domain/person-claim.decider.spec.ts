import { given } from '../../../test/support/given-when-then';
import { AlreadyBeneficiary, BenefitNotHeld } from './allocation.errors';
import { ClaimBenefit, personClaimDecider, ReleaseBenefit } from './person-claim.decider';
import { BenefitClaimed, BenefitReleased, ReleaseReason } from './person-claim.events';
import { Tenure } from './unit.events';

const CITIZEN = '031190001234';
const NOW = '2025-06-01T02:00:00.000Z';

const claimIn = (provinceCode: string, claimId: string, tenure: Tenure = 'sale') => ({
  citizenId: CITIZEN,
  claimId,
  applicationId: `app-${claimId}`,
  projectId: `project-${provinceCode}`,
  unitNo: 'A-101',
  provinceCode,
  tenure,
});
const claim = (provinceCode = '31', claimId = 'alloc-1', tenure: Tenure = 'sale'): ClaimBenefit => ({
  type: 'ClaimBenefit',
  data: { ...claimIn(provinceCode, claimId, tenure), now: NOW },
});
const claimed = (provinceCode = '31', claimId = 'alloc-1', tenure: Tenure = 'sale'): BenefitClaimed => ({
  type: 'BenefitClaimed',
  data: { ...claimIn(provinceCode, claimId, tenure), claimedAt: NOW },
});
const release = (reason: ReleaseReason, claimId = 'alloc-1'): ReleaseBenefit => ({
  type: 'ReleaseBenefit',
  data: { citizenId: CITIZEN, claimId, reason, now: NOW },
});
const releasedFor = (reason: ReleaseReason, claimId = 'alloc-1'): BenefitReleased => ({
  type: 'BenefitReleased',
  data: { citizenId: CITIZEN, claimId, reason, releasedAt: NOW },
});

describe('person claim decider', () => {
  describe('claiming', () => {
    it('grants a first benefit', () => given(personClaimDecider, []).when(claim()).then([claimed()]));

    it('refuses a second benefit while one is live, in the same province', () =>
      given(personClaimDecider, [claimed()])
        .when(claim('31', 'alloc-2'))
        .thenThrows(AlreadyBeneficiary, /already holds .* alloc-1/));

    it('refuses a second benefit while one is live in another province', () =>
      given(personClaimDecider, [claimed('01')])
        .when(claim('79', 'alloc-2'))
        .thenThrows(AlreadyBeneficiary, /alloc-1/));

    it('refuses a tenancy while the person holds a purchase', () =>
      given(personClaimDecider, [claimed()])
        .when(claim('31', 'alloc-2', 'rent'))
        .thenThrows(AlreadyBeneficiary));

    it('grants a new benefit once a revoked allocation released the claim', () =>
      given(personClaimDecider, [claimed(), releasedFor('allocation-revoked')])
        .when(claim('31', 'alloc-2'))
        .then([claimed('31', 'alloc-2')]));

    it('refuses a second purchase in a lifetime, after the first unit was returned (Art. 88(6))', () =>
      given(personClaimDecider, [claimed(), releasedFor('return-to-investor')])
        .when(claim('56', 'alloc-2', 'hire-purchase'))
        .thenThrows(AlreadyBeneficiary, /bought social housing through claim alloc-1/));

    it('grants a tenancy to someone who once bought and no longer holds the unit', () =>
      given(personClaimDecider, [claimed(), releasedFor('resale')])
        .when(claim('31', 'alloc-2', 'rent'))
        .then([claimed('31', 'alloc-2', 'rent')]));

    it('grants a purchase after a tenancy ended', () =>
      given(personClaimDecider, [claimed('31', 'alloc-1', 'rent'), releasedFor('return-to-investor')])
        .when(claim('31', 'alloc-2'))
        .then([claimed('31', 'alloc-2')]));
  });

  describe('releasing', () => {
    it('releases the live claim when its allocation is revoked', () =>
      given(personClaimDecider, [claimed()])
        .when(release('allocation-revoked'))
        .then([releasedFor('allocation-revoked')]));

    it('releases the live claim when the unit is returned', () =>
      given(personClaimDecider, [claimed()])
        .when(release('return-to-state'))
        .then([releasedFor('return-to-state')]));

    it('refuses to release a claim the person does not hold', () =>
      given(personClaimDecider, [claimed()])
        .when(release('allocation-revoked', 'alloc-9'))
        .thenThrows(BenefitNotHeld, /alloc-9/));

    it('refuses to release a claim twice', () =>
      given(personClaimDecider, [claimed(), releasedFor('allocation-revoked')])
        .when(release('allocation-revoked'))
        .thenThrows(BenefitNotHeld));
  });
});

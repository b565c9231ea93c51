import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import { AlreadyBeneficiary, BenefitNotHeld } from './allocation.errors';
import { BenefitClaimed, PersonClaimEvent, ReleaseReason } from './person-claim.events';
import { Tenure } from './unit.events';

export type ClaimBenefit = DomainCommand<'ClaimBenefit', Omit<BenefitClaimed['data'], 'claimedAt'> & { now: string }>;
export type ReleaseBenefit = DomainCommand<'ReleaseBenefit', { citizenId: string; claimId: string; reason: ReleaseReason; now: string }>;
export type PersonClaimCommand = ClaimBenefit | ReleaseBenefit;

export type PersonClaimState = {
  /** The benefit held now, anywhere in the country; at most one. */
  live: BenefitClaimed['data'] | null;
  /** The claim through which this person once bought or hire-purchased a unit, if any. */
  boughtWith: string | null;
};

const isPurchase = (claim: { tenure: Tenure }) => claim.tenure !== 'rent';

export const personClaimDecider: Decider<PersonClaimState, PersonClaimCommand, PersonClaimEvent> = {
  initialState: () => ({ live: null, boughtWith: null }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'BenefitClaimed':
        return { ...state, live: event.data };
      case 'BenefitReleased': {
        // A purchase that reached the buyer (anything but a revocation, which only happens before
        // handover) uses up the once-in-a-lifetime right to buy (Art. 88(6)); a tenancy does not.
        const { live } = state;
        const bought = live !== null && isPurchase(live) && event.data.reason !== 'allocation-revoked';
        return { live: null, boughtWith: bought ? live.claimId : state.boughtWith };
      }
      default:
        return assertNever(event);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'ClaimBenefit': {
        const { now, ...claim } = command.data;
        // One benefit at a time, whatever the province or project: renting one unit, or buying one.
        if (state.live) throw new AlreadyBeneficiary(claim.citizenId, 'holds-a-benefit', state.live.claimId);
        if (isPurchase(claim) && state.boughtWith) throw new AlreadyBeneficiary(claim.citizenId, 'bought-before', state.boughtWith);
        return [{ type: 'BenefitClaimed', data: { ...claim, claimedAt: now } }];
      }
      case 'ReleaseBenefit': {
        const { citizenId, claimId, reason, now } = command.data;
        if (state.live?.claimId !== claimId) throw new BenefitNotHeld(citizenId, claimId);
        return [{ type: 'BenefitReleased', data: { citizenId, claimId, reason, releasedAt: now } }];
      }
      default:
        return assertNever(command);
    }
  },
};

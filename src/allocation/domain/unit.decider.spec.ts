import { given } from '../../../test/support/given-when-then';
import { ApplicationForAnotherProject, ApplicationWithdrawn, NotEligible } from '../../applications/domain/applications.errors';
import { fold } from '../../shared/decider';
import {
  AllocationNotInForce,
  TenureMismatch,
  UnitAlreadyAllocated,
  UnitAlreadyHandedOver,
  UnitAlreadyReleased,
  UnitNeverHandedOver,
  UnitNotReleased,
} from './allocation.errors';
import { AllocateUnit, ApplicationFacts, HandOverUnit, RevokeAllocation, TransferUnit, unitDecider } from './unit.decider';
import { AllocationRevoked, UnitAllocated, UnitHandedOver, UnitReleased, UnitTransferred } from './unit.events';

const REF = { projectId: 'hp-an-dong', unitNo: 'A-101' };
const A = '031190001234';
const B = '031085005678';
const NOW = '2025-06-01T02:00:00.000Z';

const releaseUnit = {
  type: 'ReleaseUnit' as const,
  data: { ...REF, floorAreaM2: 56, tenure: 'sale' as const, priceVnd: 1_250_000_000, now: NOW },
};
const released: UnitReleased = {
  type: 'UnitReleased',
  data: { ...REF, floorAreaM2: 56, tenure: 'sale', priceVnd: 1_250_000_000, releasedAt: NOW },
};

const facts = (data: Partial<ApplicationFacts> = {}): ApplicationFacts => ({
  applicationId: 'app-a',
  citizenId: A,
  projectId: 'hp-an-dong',
  tenure: 'sale',
  withdrawn: false,
  eligibleDecisionNo: 'QĐ-12/2025',
  ...data,
});
const decision = { decisionNo: 'QĐ-40/2025', decidedBy: 'board-31', decidedAt: '2025-05-30' };
const allocate = (application: Partial<ApplicationFacts> = {}, allocationId = 'alloc-a'): AllocateUnit => ({
  type: 'AllocateUnit',
  data: { ...REF, allocationId, application: facts(application), ...decision, now: NOW },
});
const allocated = (citizenId = A, allocationId = 'alloc-a', applicationId = 'app-a'): UnitAllocated => ({
  type: 'UnitAllocated',
  data: { ...REF, allocationId, applicationId, citizenId, eligibilityDecisionNo: 'QĐ-12/2025', ...decision, allocatedAt: NOW },
});
const revoke = (allocationId = 'alloc-a'): RevokeAllocation => ({
  type: 'RevokeAllocation',
  data: { ...REF, allocationId, reason: 'false income declaration', decisionNo: 'QĐ-77/2025', now: NOW },
});
const revoked: AllocationRevoked = {
  type: 'AllocationRevoked',
  data: {
    ...REF,
    allocationId: 'alloc-a',
    applicationId: 'app-a',
    citizenId: A,
    reason: 'false income declaration',
    decisionNo: 'QĐ-77/2025',
    revokedAt: NOW,
  },
};
const handover = { handedOverAt: '2025-09-01', contractNo: 'HĐ-2025/0917', fullyPaidAt: null };
const handOver: HandOverUnit = { type: 'HandOverUnit', data: { ...REF, ...handover } };
const handedOver = (citizenId = A, allocationId = 'alloc-a'): UnitHandedOver => ({
  type: 'UnitHandedOver',
  data: { ...REF, ...handover, allocationId, citizenId },
});
const transfer = (data: Partial<TransferUnit['data']> = {}): TransferUnit => ({
  type: 'TransferUnit',
  data: { ...REF, kind: 'resale', toCitizenId: B, priceVnd: 1_900_000_000, transferredAt: '2027-03-01', ...data },
});
const transferred = (data: Partial<UnitTransferred['data']> = {}): UnitTransferred => ({
  type: 'UnitTransferred',
  data: { ...REF, kind: 'resale', fromCitizenId: A, toCitizenId: B, priceVnd: 1_900_000_000, transferredAt: '2027-03-01', ...data },
});
const returned = transferred({ kind: 'return-to-investor', toCitizenId: null, priceVnd: 1_250_000_000 });

describe('unit decider', () => {
  describe('release', () => {
    it('releases a unit', () => given(unitDecider, []).when(releaseUnit).then([released]));
    it('refuses to release a unit twice', () => given(unitDecider, [released]).when(releaseUnit).thenThrows(UnitAlreadyReleased));
  });

  describe('allocation', () => {
    it('allocates a released unit to an eligible application, citing the decision in force', () =>
      given(unitDecider, [released]).when(allocate()).then([allocated()]));

    it('allocates again after a revocation', () =>
      given(unitDecider, [released, allocated(), revoked])
        .when(allocate({ applicationId: 'app-b', citizenId: B }, 'alloc-b'))
        .then([allocated(B, 'alloc-b', 'app-b')]));

    it('allocates again a unit returned to the investor', () =>
      given(unitDecider, [released, allocated(), handedOver(), returned])
        .when(allocate({ applicationId: 'app-b', citizenId: B }, 'alloc-b'))
        .then([allocated(B, 'alloc-b', 'app-b')]));

    it('refuses a second allocation of the same unit', () =>
      given(unitDecider, [released, allocated()])
        .when(allocate({ applicationId: 'app-b', citizenId: B }, 'alloc-b'))
        .thenThrows(UnitAlreadyAllocated, /already allocated/));

    it('refuses to allocate a unit already handed over', () =>
      given(unitDecider, [released, allocated(), handedOver()])
        .when(allocate({ citizenId: B }))
        .thenThrows(UnitAlreadyAllocated));

    it('refuses to allocate a unit never released, as unknown (404)', () =>
      given(unitDecider, [])
        .when(allocate())
        .thenThrows(UnitNotReleased, /never released/));

    it('refuses a withdrawn application', () =>
      given(unitDecider, [released])
        .when(allocate({ withdrawn: true, eligibleDecisionNo: null }))
        .thenThrows(ApplicationWithdrawn));

    it('refuses an application with no eligible decision in force', () =>
      given(unitDecider, [released])
        .when(allocate({ eligibleDecisionNo: null }))
        .thenThrows(NotEligible));

    it('refuses an application made to another project', () =>
      given(unitDecider, [released])
        .when(allocate({ projectId: 'hp-vinh-niem' }))
        .thenThrows(ApplicationForAnotherProject));

    it('refuses an application for another tenure', () =>
      given(unitDecider, [released])
        .when(allocate({ tenure: 'rent' }))
        .thenThrows(TenureMismatch, /for rent; the unit is for sale/));
  });

  describe('revocation', () => {
    it('revokes the allocation in force before handover', () => given(unitDecider, [released, allocated()]).when(revoke()).then([revoked]));

    it('refuses to revoke when nothing is allocated', () => given(unitDecider, [released]).when(revoke()).thenThrows(AllocationNotInForce));

    it('refuses to revoke an allocation that is not the one in force', () =>
      given(unitDecider, [released, allocated()])
        .when(revoke('alloc-old'))
        .thenThrows(AllocationNotInForce, /alloc-old/));

    it('refuses to revoke after handover: a return is a transfer', () =>
      given(unitDecider, [released, allocated(), handedOver()]).when(revoke()).thenThrows(UnitAlreadyHandedOver));

    it('refuses to revoke on a unit never released', () => given(unitDecider, []).when(revoke()).thenThrows(UnitNotReleased));
  });

  describe('handover', () => {
    it('hands the unit over to the allocated citizen, keeping the contract and payment dates', () =>
      given(unitDecider, [released, allocated()]).when(handOver).then([handedOver()]));

    it('refuses a second handover', () =>
      given(unitDecider, [released, allocated(), handedOver()]).when(handOver).thenThrows(UnitAlreadyHandedOver));

    it('refuses to hand over a unit not allocated', () =>
      given(unitDecider, [released, allocated(), revoked]).when(handOver).thenThrows(AllocationNotInForce));

    it('refuses to hand over a unit never released', () => given(unitDecider, []).when(handOver).thenThrows(UnitNotReleased));
  });

  describe('transfer', () => {
    it('records a resale as reported, naming the seller', () =>
      given(unitDecider, [released, allocated(), handedOver()]).when(transfer()).then([transferred()]));

    it('records an early resale above the original price too: detectors judge it, the ledger keeps it', () =>
      given(unitDecider, [released, allocated(), handedOver()])
        .when(transfer({ transferredAt: '2025-10-01', priceVnd: 2_500_000_000 }))
        .then([transferred({ transferredAt: '2025-10-01', priceVnd: 2_500_000_000 })]));

    it('records a later transfer from the buyer of a resale', () =>
      given(unitDecider, [released, allocated(), handedOver(), transferred()])
        .when(transfer({ kind: 'inheritance', toCitizenId: A, priceVnd: null }))
        .then([transferred({ kind: 'inheritance', fromCitizenId: B, toCitizenId: A, priceVnd: null })]));

    it('records a transfer of a unit once handed over, even after its return', () =>
      given(unitDecider, [released, allocated(), handedOver(), returned])
        .when(transfer({ kind: 'return-to-state', toCitizenId: null }))
        .then([transferred({ kind: 'return-to-state', fromCitizenId: null, toCitizenId: null })]));

    it('refuses a transfer of a unit released but never allocated', () =>
      given(unitDecider, [released])
        .when(transfer())
        .thenThrows(UnitNeverHandedOver, /never handed over/));

    it('refuses a transfer of a unit whose only allocation was revoked before handover', () =>
      given(unitDecider, [released, allocated(), revoked]).when(transfer()).thenThrows(UnitNeverHandedOver));

    it('refuses a transfer of a unit allocated but never handed over', () =>
      given(unitDecider, [released, allocated()]).when(transfer()).thenThrows(UnitNeverHandedOver));

    it('refuses a transfer of a unit never released', () => given(unitDecider, []).when(transfer()).thenThrows(UnitNotReleased));
  });

  describe('state', () => {
    it('keeps the handover and follows the holder through transfers', () => {
      const state = fold(unitDecider, [released, allocated(), handedOver(), transferred()]);
      expect(state).toMatchObject({ status: 'handed-over', holderCitizenId: B, handover, everHandedOver: true });
    });

    it('is available again, with no holder, once returned', () =>
      expect(fold(unitDecider, [released, allocated(), handedOver(), returned])).toMatchObject({
        status: 'available',
        allocation: null,
        holderCitizenId: null,
      }));
  });
});

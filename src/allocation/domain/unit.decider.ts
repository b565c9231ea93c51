import { ApplicationForAnotherProject, ApplicationWithdrawn, NotEligible } from '../../applications/domain/applications.errors';
import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import {
  AllocationNotInForce,
  TenureMismatch,
  UnitAlreadyAllocated,
  UnitAlreadyHandedOver,
  UnitAlreadyReleased,
  UnitNeverHandedOver,
  UnitNotReleased,
} from './allocation.errors';
import { Tenure, UnitAllocated, UnitEvent, UnitHandedOver, UnitReleased, UnitTransferred } from './unit.events';

/** The application as the handler found it just before deciding (its stream, at a known revision). */
export type ApplicationFacts = {
  applicationId: string;
  citizenId: string;
  projectId: string;
  tenure: Tenure;
  withdrawn: boolean;
  /** The "eligible" decision in force; null when none is (never decided, ineligible, or voided). */
  eligibleDecisionNo: string | null;
};

/** Every unit command names its unit: the stream is `unit-{projectId}.{unitNo}`. */
type UnitRef = { projectId: string; unitNo: string };

export type ReleaseUnit = DomainCommand<'ReleaseUnit', Omit<UnitReleased['data'], 'releasedAt'> & { now: string }>;
export type AllocateUnit = DomainCommand<
  'AllocateUnit',
  UnitRef & { allocationId: string; application: ApplicationFacts; decisionNo: string; decidedBy: string; decidedAt: string; now: string }
>;
export type RevokeAllocation = DomainCommand<
  'RevokeAllocation',
  UnitRef & { allocationId: string; reason: string; decisionNo: string; now: string }
>;
export type HandOverUnit = DomainCommand<
  'HandOverUnit',
  UnitRef & Pick<UnitHandedOver['data'], 'handedOverAt' | 'contractNo' | 'fullyPaidAt'>
>;
export type TransferUnit = DomainCommand<'TransferUnit', Omit<UnitTransferred['data'], 'fromCitizenId'>>;
export type UnitCommand = ReleaseUnit | AllocateUnit | RevokeAllocation | HandOverUnit | TransferUnit;

export type ReleasedUnit = {
  status: 'available' | 'allocated' | 'handed-over';
  unit: UnitReleased['data'];
  /** The allocation in force, while allocated or handed over. */
  allocation: UnitAllocated['data'] | null;
  /** Who holds the unit after handover, resales and inheritance; null while with the investor or state. */
  holderCitizenId: string | null;
  handover: Pick<UnitHandedOver['data'], 'handedOverAt' | 'contractNo' | 'fullyPaidAt'> | null;
  everHandedOver: boolean;
};
export type UnitState = { status: 'unreleased' } | ReleasedUnit;

function evolveReleased(state: ReleasedUnit, event: Exclude<UnitEvent, UnitReleased>): ReleasedUnit {
  switch (event.type) {
    case 'UnitAllocated':
      return { ...state, status: 'allocated', allocation: event.data };
    case 'AllocationRevoked':
      return { ...state, status: 'available', allocation: null };
    case 'UnitHandedOver': {
      const { handedOverAt, contractNo, fullyPaidAt, citizenId } = event.data;
      return {
        ...state,
        status: 'handed-over',
        holderCitizenId: citizenId,
        handover: { handedOverAt, contractNo, fullyPaidAt },
        everHandedOver: true,
      };
    }
    case 'UnitTransferred':
      // Returned units go back to the investor or the state and may be allocated again (Art. 89(1)(d), 88(10)).
      if (event.data.kind === 'return-to-investor' || event.data.kind === 'return-to-state') {
        return { ...state, status: 'available', allocation: null, holderCitizenId: null };
      }
      return { ...state, status: 'handed-over', holderCitizenId: event.data.toCitizenId };
    default:
      return assertNever(event);
  }
}

function allocate(command: AllocateUnit['data'], state: ReleasedUnit): UnitAllocated {
  const { unit } = state;
  const { application, now, ...decision } = command;
  if (state.status !== 'available') throw new UnitAlreadyAllocated(unit.projectId, unit.unitNo, state.allocation?.allocationId ?? null);
  if (application.withdrawn) throw new ApplicationWithdrawn(application.applicationId);
  // A household applies to one project at a time (Decree 100/2024 Art. 38) and is served there.
  if (application.projectId !== unit.projectId) {
    throw new ApplicationForAnotherProject(application.applicationId, application.projectId, unit.projectId);
  }
  if (application.tenure !== unit.tenure) throw new TenureMismatch(application.applicationId, application.tenure, unit.tenure);
  if (application.eligibleDecisionNo === null) throw new NotEligible(application.applicationId);
  return {
    type: 'UnitAllocated',
    data: {
      ...decision,
      applicationId: application.applicationId,
      citizenId: application.citizenId,
      eligibilityDecisionNo: application.eligibleDecisionNo,
      allocatedAt: now,
    },
  };
}

export const unitDecider: Decider<UnitState, UnitCommand, UnitEvent> = {
  initialState: () => ({ status: 'unreleased' }),

  evolve: (state, event) => {
    if (event.type === 'UnitReleased') {
      return { status: 'available', unit: event.data, allocation: null, holderCitizenId: null, handover: null, everHandedOver: false };
    }
    // A sound stream starts with its release: nothing can precede it.
    return state.status === 'unreleased' ? state : evolveReleased(state, event);
  },

  decide: (command, state) => {
    if (command.type === 'ReleaseUnit') {
      const { now, ...unit } = command.data;
      if (state.status !== 'unreleased') throw new UnitAlreadyReleased(unit.projectId, [unit.unitNo]);
      return [{ type: 'UnitReleased', data: { ...unit, releasedAt: now } }];
    }
    const { projectId, unitNo } = command.data;
    if (state.status === 'unreleased') throw new UnitNotReleased(projectId, unitNo);
    switch (command.type) {
      case 'AllocateUnit':
        return [allocate(command.data, state)];
      case 'RevokeAllocation': {
        const { allocationId, reason, decisionNo, now } = command.data;
        const allocation = state.allocation;
        if (allocation?.allocationId !== allocationId) throw new AllocationNotInForce(projectId, unitNo, allocationId);
        // After handover the buyer holds a contract: what follows is a transfer (a return, or the
        // recovery of Art. 88(10)), not a revocation.
        if (state.status === 'handed-over') throw new UnitAlreadyHandedOver(projectId, unitNo);
        const { applicationId, citizenId } = allocation;
        return [
          {
            type: 'AllocationRevoked',
            data: { allocationId, projectId, unitNo, applicationId, citizenId, reason, decisionNo, revokedAt: now },
          },
        ];
      }
      case 'HandOverUnit': {
        if (state.status === 'handed-over') throw new UnitAlreadyHandedOver(projectId, unitNo);
        if (state.allocation === null) throw new AllocationNotInForce(projectId, unitNo, null);
        const { allocationId, citizenId } = state.allocation;
        return [{ type: 'UnitHandedOver', data: { ...command.data, allocationId, citizenId } }];
      }
      case 'TransferUnit':
        // The board reports what happened; early or overpriced resales are for detector 7 to find,
        // but a unit nobody ever received cannot have changed hands.
        if (!state.everHandedOver) throw new UnitNeverHandedOver(projectId, unitNo);
        return [{ type: 'UnitTransferred', data: { ...command.data, fromCitizenId: state.holderCitizenId } }];
      default:
        return assertNever(command);
    }
  },
};

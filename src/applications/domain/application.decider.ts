import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import {
  ApplicationAmended,
  ApplicationEvent,
  ApplicationSubmitted,
  EligibilityDecided,
  EligibilityOutcome,
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
import { ApplicationState, evolveApplication, SubmittedApplication } from './application.state';
import { statedBefore } from '../../shared/stated-date';

type Decision = Omit<EligibilityDecided['data'], 'applicationId' | 'policyVersion' | 'policyOutcome' | 'policyReasons'>;

export type SubmitApplication = DomainCommand<'SubmitApplication', ApplicationSubmitted['data']>;
export type AmendApplication = DomainCommand<'AmendApplication', Omit<ApplicationAmended['data'], 'amendedAt'> & { now: string }>;
export type WithdrawApplication = DomainCommand<'WithdrawApplication', { applicationId: string; reason: string; now: string }>;
/** `policy` is the evaluation of the policy version in force on `decidedAt`, made by the handler. */
export type RecordEligibilityDecision = DomainCommand<
  'RecordEligibilityDecision',
  Decision & {
    applicationId: string;
    policy: { policyVersion: string; policyOutcome: EligibilityOutcome; policyReasons: string[] };
    now: string;
  }
>;
export type RecordPriorityRank = DomainCommand<'RecordPriorityRank', Omit<PriorityRanked['data'], 'rankedAt'> & { now: string }>;
export type RecordAllocation = DomainCommand<
  'RecordAllocation',
  { applicationId: string; allocationId: string; projectId: string; unitNo: string; now: string }
>;
export type RecordRevocation = DomainCommand<
  'RecordRevocation',
  { applicationId: string; allocationId: string; projectId: string; unitNo: string; now: string }
>;
export type ApplicationCommand =
  | SubmitApplication
  | AmendApplication
  | WithdrawApplication
  | RecordEligibilityDecision
  | RecordPriorityRank
  | RecordAllocation
  | RecordRevocation;

function submitted(state: ApplicationState, applicationId: string): SubmittedApplication {
  if (state.status === 'not-submitted') throw new ApplicationNotFound(applicationId);
  return state;
}

function open(state: ApplicationState, applicationId: string): SubmittedApplication {
  const application = submitted(state, applicationId);
  if (application.status === 'withdrawn') throw new ApplicationWithdrawn(applicationId);
  if (application.allocation) throw new ApplicationAlreadyAllocated(applicationId, application.allocation.allocationId);
  return application;
}

function eligibleFor(application: SubmittedApplication, projectId: string): void {
  if (application.status === 'withdrawn') throw new ApplicationWithdrawn(application.applicationId);
  if (application.projectId !== projectId)
    throw new ApplicationForAnotherProject(application.applicationId, application.projectId, projectId);
  if (!application.currentlyEligible) throw new NotEligible(application.applicationId);
}

export const applicationDecider: Decider<ApplicationState, ApplicationCommand, ApplicationEvent> = {
  initialState: () => ({ status: 'not-submitted' }),
  evolve: evolveApplication,

  decide: (command, state) => {
    switch (command.type) {
      case 'SubmitApplication':
        // A submission is a fact: a second file by the same person elsewhere is for detectors to find.
        if (state.status !== 'not-submitted') throw new ApplicationAlreadySubmitted(command.data.applicationId);
        return [{ type: 'ApplicationSubmitted', data: { ...command.data } }];
      case 'AmendApplication': {
        const { now, ...amendment } = command.data;
        open(state, amendment.applicationId);
        return [{ type: 'ApplicationAmended', data: { ...amendment, amendedAt: now } }];
      }
      case 'WithdrawApplication': {
        const { applicationId, reason, now } = command.data;
        open(state, applicationId);
        return [{ type: 'ApplicationWithdrawn', data: { applicationId, reason, withdrawnAt: now } }];
      }
      case 'RecordEligibilityDecision':
        return [decideEligibility(command.data, submitted(state, command.data.applicationId))];
      case 'RecordPriorityRank': {
        const { now, ...ranking } = command.data;
        eligibleFor(submitted(state, ranking.applicationId), ranking.projectId);
        return [{ type: 'PriorityRanked', data: { ...ranking, rankedAt: now } }];
      }
      case 'RecordAllocation': {
        const { now, ...allocation } = command.data;
        eligibleFor(open(state, allocation.applicationId), allocation.projectId);
        return [{ type: 'UnitAllocated', data: { ...allocation, allocatedAt: now } }];
      }
      case 'RecordRevocation': {
        const { now, ...revocation } = command.data;
        const application = submitted(state, revocation.applicationId);
        // The unit stream refuses first; this keeps the mirror honest if another writer calls it.
        if (application.allocation?.allocationId !== revocation.allocationId) {
          throw new ApplicationAllocationNotInForce(revocation.applicationId, revocation.allocationId);
        }
        return [{ type: 'AllocationRevoked', data: { ...revocation, revokedAt: now } }];
      }
      default:
        return assertNever(command);
    }
  },
};

function decideEligibility(data: RecordEligibilityDecision['data'], application: SubmittedApplication): EligibilityDecided {
  const { policy, now, ...decision } = data;
  if (application.status === 'withdrawn') throw new ApplicationWithdrawn(application.applicationId);
  if (statedBefore(decision.decidedAt, application.submittedAt)) {
    throw new DecisionBeforeSubmission(application.applicationId, decision.decidedAt, application.submittedAt);
  }
  if (statedBefore(now, decision.decidedAt)) throw new DecisionInFuture(application.applicationId, decision.decidedAt, now);
  // Boards may overrule the policy, but an override in the applicant's favour must be reasoned in the
  // record (Housing Law Art. 78 conditions; detector 6 shows every such override to inspectors).
  if (decision.outcome === 'eligible' && policy.policyOutcome === 'ineligible' && !decision.justification?.trim()) {
    throw new JustificationRequired(application.applicationId, policy.policyVersion);
  }
  // Decisions after an allocation stay possible: a later "ineligible" is what grounds a revocation.
  return { type: 'EligibilityDecided', data: { ...decision, ...policy } };
}

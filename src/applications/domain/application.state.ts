/** The application as its stream tells it. Handlers read `currentlyEligible` here to build an allocation's facts. */
import { Tenure } from '../../allocation/domain/unit.events';
import { assertNever } from '../../shared/decider';
import {
  ApplicationDeclaration,
  ApplicationEvent,
  ApplicationSubmitted,
  EligibilityDecided,
  Person,
  PriorityRanked,
} from './application.events';

export type SubmittedApplication = {
  /**
   * Withdrawal and allocation each end the file: neither can follow the other. A revocation frees
   * it again: a "revoked" file may be allocated again or withdrawn, like an open one.
   */
  status: 'open' | 'withdrawn' | 'allocated' | 'revoked';
  applicationId: string;
  projectId: string;
  /** The project's province: boards of other provinces may not act on the file. */
  provinceCode: string;
  citizenId: string;
  applicant: Person;
  /** Equal to `declaration.tenure`; kept apart because allocation reads it on its own. */
  tenure: Tenure;
  /** The declaration as submitted with every amendment applied: what an eligibility decision judges. */
  declaration: ApplicationDeclaration;
  submittedAt: string;
  /** The last decision, unless an amendment since changed the file it judged. */
  decisionInForce: Pick<EligibilityDecided['data'], 'outcome' | 'decisionNo' | 'decidedAt'> | null;
  /** An "eligible" decision is in force and the file is not withdrawn. */
  currentlyEligible: boolean;
  priorityRank: Pick<PriorityRanked['data'], 'method' | 'rank'> | null;
  /** The allocation in force; null again once revoked. */
  allocation: { allocationId: string; projectId: string; unitNo: string } | null;
};
export type ApplicationState = { status: 'not-submitted' } | SubmittedApplication;

function created({ data }: ApplicationSubmitted): SubmittedApplication {
  return {
    status: 'open',
    applicationId: data.applicationId,
    projectId: data.projectId,
    provinceCode: data.provinceCode,
    citizenId: data.applicant.citizenId,
    applicant: data.applicant,
    tenure: data.tenure,
    declaration: declarationOf(data),
    submittedAt: data.submittedAt,
    decisionInForce: null,
    currentlyEligible: false,
    priorityRank: null,
    allocation: null,
  };
}

function declarationOf({ tenure, household, category, monthlyIncomeVnd, housing }: ApplicationSubmitted['data']): ApplicationDeclaration {
  return { tenure, household, category, monthlyIncomeVnd, housing };
}

function settled(state: SubmittedApplication): SubmittedApplication {
  return { ...state, currentlyEligible: state.status !== 'withdrawn' && state.decisionInForce?.outcome === 'eligible' };
}

function apply(state: SubmittedApplication, event: Exclude<ApplicationEvent, ApplicationSubmitted>): SubmittedApplication {
  switch (event.type) {
    case 'ApplicationAmended': {
      // The decision judged the file as it stood; a changed file needs a new decision.
      const declaration = { ...state.declaration, ...event.data.changes };
      return { ...state, declaration, tenure: declaration.tenure, decisionInForce: null };
    }
    case 'ApplicationWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'PopulationCheckRecorded':
      return state;
    case 'EligibilityDecided': {
      const { outcome, decisionNo, decidedAt } = event.data;
      return { ...state, decisionInForce: { outcome, decisionNo, decidedAt } };
    }
    case 'PriorityRanked':
      return { ...state, priorityRank: { method: event.data.method, rank: event.data.rank } };
    case 'UnitAllocated': {
      const { allocationId, projectId, unitNo } = event.data;
      return { ...state, status: 'allocated', allocation: { allocationId, projectId, unitNo } };
    }
    case 'AllocationRevoked':
      // The decision in force stays in force: a re-allocation on it is the board's call, and
      // detector 5 shows inspectors every one made without a new decision.
      return { ...state, status: 'revoked', allocation: null };
    default:
      return assertNever(event);
  }
}

export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  if (event.type === 'ApplicationSubmitted') return settled(created(event));
  // Every sound stream starts with its submission: nothing can precede it.
  if (state.status === 'not-submitted') return state;
  return settled(apply(state, event));
}

import type { ApplicationEvent } from '../../applications/domain/application.events';
import { type ApplicationState, evolveApplication, type SubmittedApplication } from '../../applications/domain/application.state';
import { ApplicationNotFound, ApplicationWithdrawn } from '../../applications/domain/applications.errors';
import type { Decider, DomainCommand } from '../../shared/decider';
import type { PopulationCheckRecorded } from './population-check.events';

/**
 * `due`: the sweep of files awaiting a check (no check yet, or the household changed since);
 * others are skipped. `recheck`: the files named by the caller, checked again whatever came before.
 */
export type CheckMode = 'due' | 'recheck';

/** The application stream as the police see it: the file, and whether its people await a check. */
export type PopulationCheckState = { application: ApplicationState; checkDue: boolean };

export type RecordPopulationCheck = DomainCommand<'RecordPopulationCheck', PopulationCheckRecorded['data'] & { mode: CheckMode }>;

/**
 * Whether a file is to be checked: unknown files are 404 and, when named, withdrawn ones 409;
 * the sweep passes over withdrawn, allocated and already-checked files without a word.
 */
export function wantsCheck(applicationId: string, state: PopulationCheckState, mode: CheckMode): state is { application: SubmittedApplication; checkDue: boolean } {
  const { application, checkDue } = state;
  if (application.status === 'not-submitted') throw new ApplicationNotFound(applicationId);
  if (mode === 'due') return application.status === 'open' && checkDue;
  if (application.status === 'withdrawn') throw new ApplicationWithdrawn(applicationId);
  return true;
}

function evolve(state: PopulationCheckState, event: ApplicationEvent): PopulationCheckState {
  const application = evolveApplication(state.application, event);
  switch (event.type) {
    case 'ApplicationSubmitted':
      return { application, checkDue: true };
    case 'ApplicationAmended':
      // New household members are people nobody has checked yet.
      return { application, checkDue: state.checkDue || event.data.changes.household !== undefined };
    case 'PopulationCheckRecorded':
      return { application, checkDue: false };
    default:
      return { application, checkDue: state.checkDue };
  }
}

export const populationCheckDecider: Decider<PopulationCheckState, RecordPopulationCheck, ApplicationEvent> = {
  initialState: () => ({ application: { status: 'not-submitted' }, checkDue: false }),
  decide({ data: { mode, ...check } }, state) {
    if (!wantsCheck(check.applicationId, state, mode)) return [];
    const recorded: PopulationCheckRecorded = { type: 'PopulationCheckRecorded', data: check };
    return [recorded];
  },
  evolve,
};

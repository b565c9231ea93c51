import { ProgrammePeriod } from '../../programmes/domain/programme.events';
import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import {
  DuplicateUnitNo,
  EmptyRelease,
  InvalidProjectFigure,
  PlannedUnitsExceeded,
  ProjectAlreadyRegistered,
  ProjectNotFound,
  UnitAlreadyReleased,
} from './allocation.errors';
import { ProjectEvent, ProjectRegistered } from './project.events';
import { UnitSpec } from './unit.events';

export type RegisterProject = DomainCommand<'RegisterProject', Omit<ProjectRegistered['data'], 'registeredAt'> & { now: string }>;
export type ReleaseUnits = DomainCommand<'ReleaseUnits', { projectId: string; units: UnitSpec[]; now: string }>;
export type SetProjectTarget = DomainCommand<
  'SetProjectTarget',
  { projectId: string; period: ProgrammePeriod; units: number; now: string }
>;
export type ProjectCommand = RegisterProject | ReleaseUnits | SetProjectTarget;

export type ProjectState =
  | { status: 'unregistered' }
  | {
      status: 'registered';
      projectId: string;
      provinceCode: string;
      plannedUnits: number;
      releasedUnitNos: ReadonlySet<string>;
      /** The latest target per period. */
      targets: Partial<Record<ProgrammePeriod, number>>;
    };
type RegisteredProject = Extract<ProjectState, { status: 'registered' }>;

function registered(state: ProjectState, projectId: string): RegisteredProject {
  if (state.status === 'unregistered') throw new ProjectNotFound(projectId);
  return state;
}

function requirePositiveInteger(field: string, value: number): void {
  if (!Number.isSafeInteger(value) || value <= 0) throw new InvalidProjectFigure(field, value);
}

/**
 * A project's planned units come from its approved investment decision. Releasing more units
 * than that, or promising more in targets, means the records disagree with the approval: it is
 * refused rather than detected, because a change of plan needs a new approval to be recorded first.
 */
function releaseUnits(project: RegisteredProject, units: UnitSpec[]): void {
  if (units.length === 0) throw new EmptyRelease(project.projectId);
  const unitNos = units.map((u) => u.unitNo);
  const repeated = unitNos.filter((no, i) => unitNos.indexOf(no) !== i);
  if (repeated.length > 0) throw new DuplicateUnitNo(project.projectId, [...new Set(repeated)]);
  const already = unitNos.filter((no) => project.releasedUnitNos.has(no));
  if (already.length > 0) throw new UnitAlreadyReleased(project.projectId, already);
  const wouldBe = project.releasedUnitNos.size + units.length;
  if (wouldBe > project.plannedUnits) throw new PlannedUnitsExceeded(project.projectId, project.plannedUnits, wouldBe);
}

export const projectDecider: Decider<ProjectState, ProjectCommand, ProjectEvent> = {
  initialState: () => ({ status: 'unregistered' }),

  evolve: (state, event) => {
    if (event.type === 'ProjectRegistered') {
      const { projectId, provinceCode, plannedUnits } = event.data;
      return { status: 'registered', projectId, provinceCode, plannedUnits, releasedUnitNos: new Set(), targets: {} };
    }
    // A sound stream starts with its registration: nothing can precede it.
    if (state.status === 'unregistered') return state;
    switch (event.type) {
      case 'UnitsReleased':
        return { ...state, releasedUnitNos: new Set([...state.releasedUnitNos, ...event.data.units.map((u) => u.unitNo)]) };
      case 'ProjectTargetSet':
        return { ...state, targets: { ...state.targets, [event.data.period]: event.data.units } };
      default:
        return assertNever(event);
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterProject': {
        const { now, ...project } = command.data;
        if (state.status !== 'unregistered') throw new ProjectAlreadyRegistered(project.projectId);
        requirePositiveInteger('plannedUnits', project.plannedUnits);
        requirePositiveInteger('landAreaM2', project.landAreaM2);
        return [{ type: 'ProjectRegistered', data: { ...project, registeredAt: now } }];
      }
      case 'ReleaseUnits': {
        const { projectId, units, now } = command.data;
        releaseUnits(registered(state, projectId), units);
        return [{ type: 'UnitsReleased', data: { projectId, units, releasedAt: now } }];
      }
      case 'SetProjectTarget': {
        const { projectId, period, units, now } = command.data;
        const project = registered(state, projectId);
        requirePositiveInteger('units', units);
        // Targets per period add up (as the provinces' 2021-2025 and 2026-2030 targets do); a new
        // target for a period replaces that period's old one.
        const otherPeriods = Object.entries(project.targets).filter(([p]) => p !== period);
        const wouldBe = otherPeriods.reduce((sum, [, n]) => sum + n, units);
        if (wouldBe > project.plannedUnits) throw new PlannedUnitsExceeded(projectId, project.plannedUnits, wouldBe);
        return [{ type: 'ProjectTargetSet', data: { projectId, period, units, setAt: now } }];
      }
      default:
        return assertNever(command);
    }
  },
};

import { DomainEvent } from '../../shared/decider';
import { ProgrammePeriod } from '../../programmes/domain/programme.events';
import { UnitSpec } from './unit.events';

export const PROJECT_KINDS = ['new', 'renovation', 'workers'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];

/** Stream `project-{id}`. */
export type ProjectRegistered = DomainEvent<
  'ProjectRegistered',
  {
    projectId: string;
    name: string;
    provinceCode: string;
    investor: string;
    kind: ProjectKind;
    landAreaM2: number;
    plannedUnits: number;
    registeredAt: string;
  }
>;

/** The batch as the board released it; each unit also gets its own stream (UnitReleased). */
export type UnitsReleased = DomainEvent<'UnitsReleased', { projectId: string; units: UnitSpec[]; releasedAt: string }>;

/** The units this project is to deliver towards its province's programme in a period. */
export type ProjectTargetSet = DomainEvent<
  'ProjectTargetSet',
  { projectId: string; period: ProgrammePeriod; units: number; setAt: string }
>;

export type ProjectEvent = ProjectRegistered | UnitsReleased | ProjectTargetSet;

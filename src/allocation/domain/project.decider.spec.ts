import { given } from '../../../test/support/given-when-then';
import {
  DuplicateUnitNo,
  EmptyRelease,
  InvalidProjectFigure,
  PlannedUnitsExceeded,
  ProjectAlreadyRegistered,
  ProjectNotFound,
  UnitAlreadyReleased,
} from './allocation.errors';
import { projectDecider, RegisterProject, ReleaseUnits, SetProjectTarget } from './project.decider';
import { ProjectRegistered, ProjectTargetSet, UnitsReleased } from './project.events';
import { UnitSpec } from './unit.events';

const NOW = '2025-05-02T03:00:00.000Z';
const unit = (unitNo: string): UnitSpec => ({ unitNo, floorAreaM2: 56, tenure: 'sale', priceVnd: 1_250_000_000 });

const register = (data: Partial<RegisterProject['data']> = {}): RegisterProject => ({
  type: 'RegisterProject',
  data: {
    projectId: 'hp-an-dong',
    name: 'NOXH An Đồng',
    provinceCode: '31',
    investor: 'Hoàng Huy',
    kind: 'new',
    landAreaM2: 42_000,
    plannedUnits: 3,
    now: NOW,
    ...data,
  },
});
const release = (...unitNos: string[]): ReleaseUnits => ({
  type: 'ReleaseUnits',
  data: { projectId: 'hp-an-dong', units: unitNos.map(unit), now: NOW },
});
const setTarget = (data: Partial<SetProjectTarget['data']> = {}): SetProjectTarget => ({
  type: 'SetProjectTarget',
  data: { projectId: 'hp-an-dong', period: '2021-2025', units: 2, now: NOW, ...data },
});

const registered = (): ProjectRegistered => ({
  type: 'ProjectRegistered',
  data: {
    projectId: 'hp-an-dong',
    name: 'NOXH An Đồng',
    provinceCode: '31',
    investor: 'Hoàng Huy',
    kind: 'new',
    landAreaM2: 42_000,
    plannedUnits: 3,
    registeredAt: NOW,
  },
});
const released = (...unitNos: string[]): UnitsReleased => ({
  type: 'UnitsReleased',
  data: { projectId: 'hp-an-dong', units: unitNos.map(unit), releasedAt: NOW },
});
const targetSet = (data: Partial<ProjectTargetSet['data']> = {}): ProjectTargetSet => ({
  type: 'ProjectTargetSet',
  data: { projectId: 'hp-an-dong', period: '2021-2025', units: 2, setAt: NOW, ...data },
});

describe('project decider', () => {
  describe('registering', () => {
    it('registers a project', () => given(projectDecider, []).when(register()).then([registered()]));

    it('refuses to register the same project twice', () =>
      given(projectDecider, [registered()]).when(register()).thenThrows(ProjectAlreadyRegistered));

    it.each([0, -3, 2.5])('refuses %p planned units', (plannedUnits) =>
      given(projectDecider, [])
        .when(register({ plannedUnits }))
        .thenThrows(InvalidProjectFigure, /plannedUnits/),
    );

    it('refuses a project without land', () =>
      given(projectDecider, [])
        .when(register({ landAreaM2: 0 }))
        .thenThrows(InvalidProjectFigure, /landAreaM2/));
  });

  describe('releasing units', () => {
    it('releases a batch of units', () =>
      given(projectDecider, [registered()])
        .when(release('A-101', 'A-102'))
        .then([released('A-101', 'A-102')]));

    it('releases up to exactly the planned number of units over several batches', () =>
      given(projectDecider, [registered(), released('A-101', 'A-102')])
        .when(release('A-103'))
        .then([released('A-103')]));

    it('refuses to release units of a project never registered', () =>
      given(projectDecider, []).when(release('A-101')).thenThrows(ProjectNotFound));

    it('refuses an empty release', () => given(projectDecider, [registered()]).when(release()).thenThrows(EmptyRelease));

    it('refuses a batch naming the same unit twice', () =>
      given(projectDecider, [registered()]).when(release('A-101', 'A-101')).thenThrows(DuplicateUnitNo, /A-101/));

    it('refuses to release a unit already released', () =>
      given(projectDecider, [registered(), released('A-101')])
        .when(release('A-102', 'A-101'))
        .thenThrows(UnitAlreadyReleased, /A-101/));

    it('refuses to release more units than the project plans', () =>
      given(projectDecider, [registered(), released('A-101', 'A-102')])
        .when(release('A-103', 'A-104'))
        .thenThrows(PlannedUnitsExceeded, /plans 3 units; this would make 4/));
  });

  describe('setting targets', () => {
    it('sets the units the project is to deliver in a period', () =>
      given(projectDecider, [registered()]).when(setTarget()).then([targetSet()]));

    it('replaces the target of a period, counting it only once against the plan', () =>
      given(projectDecider, [registered(), targetSet({ units: 3 })])
        .when(setTarget({ units: 2 }))
        .then([targetSet({ units: 2 })]));

    it('refuses a target for a project never registered', () => given(projectDecider, []).when(setTarget()).thenThrows(ProjectNotFound));

    it('refuses a target of no units', () =>
      given(projectDecider, [registered()])
        .when(setTarget({ units: 0 }))
        .thenThrows(InvalidProjectFigure, /units/));

    it('refuses targets that together exceed the planned units', () =>
      given(projectDecider, [registered(), targetSet({ units: 2 })])
        .when(setTarget({ period: '2026-2030', units: 2 }))
        .thenThrows(PlannedUnitsExceeded, /would make 4/));
  });
});

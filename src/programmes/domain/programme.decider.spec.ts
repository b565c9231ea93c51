import { given } from '../../../test/support/given-when-then';
import { fold } from '../../shared/decider';
import { programmeDecider, SetProgrammeTarget } from './programme.decider';
import { ProgrammeTargetSet } from './programme.events';
import { InvalidProgrammeTarget } from './programmes.errors';

const setTarget = (data: Partial<SetProgrammeTarget['data']> = {}): SetProgrammeTarget => ({
  type: 'SetProgrammeTarget',
  data: { provinceCode: '31', period: '2021-2025', units: 15_400, now: '2024-03-01T08:00:00.000Z', ...data },
});

const targetSet = (data: Partial<ProgrammeTargetSet['data']> = {}): ProgrammeTargetSet => ({
  type: 'ProgrammeTargetSet',
  data: { provinceCode: '31', period: '2021-2025', units: 15_400, setAt: '2024-03-01T08:00:00.000Z', ...data },
});

describe('programme decider', () => {
  it('records a province target for a period', () => given(programmeDecider, []).when(setTarget()).then([targetSet()]));

  it('records a new target for the same period as a superseding fact', () =>
    given(programmeDecider, [targetSet()])
      .when(setTarget({ units: 12_300, now: '2025-01-10T08:00:00.000Z' }))
      .then([targetSet({ units: 12_300, setAt: '2025-01-10T08:00:00.000Z' })]));

  it('keeps the latest target per period and the targets of other periods', () => {
    const state = fold(programmeDecider, [targetSet(), targetSet({ period: '2026-2030', units: 18_100 }), targetSet({ units: 12_300 })]);
    expect(state.targets).toEqual({ '2021-2025': 12_300, '2026-2030': 18_100 });
  });

  it.each([0, -5, 10.5])('refuses a target of %p units', (units) =>
    given(programmeDecider, [])
      .when(setTarget({ units }))
      .thenThrows(InvalidProgrammeTarget, /positive whole number/),
  );
});

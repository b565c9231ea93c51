import { assertNever, Decider, DomainCommand } from '../../shared/decider';
import { ProgrammeEvent, ProgrammePeriod } from './programme.events';
import { InvalidProgrammeTarget } from './programmes.errors';

export type SetProgrammeTarget = DomainCommand<
  'SetProgrammeTarget',
  { provinceCode: string; period: ProgrammePeriod; units: number; now: string }
>;

export type ProgrammeCommand = SetProgrammeTarget;

/** The target in force for each period: the latest one set. */
export type ProgrammeState = { targets: Partial<Record<ProgrammePeriod, number>> };

export const programmeDecider: Decider<ProgrammeState, ProgrammeCommand, ProgrammeEvent> = {
  initialState: () => ({ targets: {} }),

  evolve: (state, event) => {
    switch (event.type) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- one event type today; the switch's never check makes the next one a compile error
      case 'ProgrammeTargetSet':
        return { targets: { ...state.targets, [event.data.period]: event.data.units } };
      default:
        return assertNever(event.type);
    }
  },

  decide: (command, _state) => {
    switch (command.type) {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- one command today; the switch's never check makes the next one a compile error
      case 'SetProgrammeTarget': {
        const { provinceCode, period, units, now } = command.data;
        if (!Number.isSafeInteger(units) || units <= 0) throw new InvalidProgrammeTarget(units);
        // Provinces revise their programmes (Hải Phòng's 2024 plan restated its 2025 target):
        // a new target for a period is a new fact that supersedes, never overwrites, the old one.
        return [{ type: 'ProgrammeTargetSet', data: { provinceCode, period, units, setAt: now } }];
      }
      default:
        return assertNever(command.type);
    }
  },
};

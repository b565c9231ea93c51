import { Decider, DomainCommand, DomainEvent, fold } from '../../src/shared/decider';

type ErrorClass = new (...args: never[]) => Error;

/** Given/When/Then for deciders: `given(decider, past).when(command).then(events)` or `.thenThrows(Error)`. */
export function given<S, C extends DomainCommand, E extends DomainEvent>(decider: Decider<S, C, E>, past: E[]) {
  return {
    when(command: C) {
      const run = () => decider.decide(command, fold(decider, past));
      return {
        then(expected: E[]): void {
          expect(run()).toEqual(expected);
        },
        thenThrows(errorClass: ErrorClass, message?: RegExp): void {
          expect(run).toThrow(errorClass);
          if (message) expect(run).toThrow(message);
        },
      };
    },
  };
}

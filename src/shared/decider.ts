/** An event as a decider sees it: a stable past-tense type and plain JSON data. */
export interface DomainEvent<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

export interface DomainCommand<Type extends string = string, Data extends object = object> {
  type: Type;
  data: Data;
}

/**
 * One aggregate's rules as plain functions: `decide` refuses by throwing a DomainError and
 * otherwise returns the events to append; `evolve` folds an event into state. No I/O: time and
 * outside lookups arrive inside the command.
 */
export interface Decider<State, Command extends DomainCommand, Event extends DomainEvent> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

export function fold<State, Event extends DomainEvent>(decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>, events: Event[]): State {
  return events.reduce(decider.evolve, decider.initialState());
}

export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}

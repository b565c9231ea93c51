import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { fold } from '../shared/decider';
import type { JsonObject } from '../shared/json';
import type { AppendResult, EventStore, StreamAppend, WriteOptions } from './event-store.port';

export interface Decision<State> {
  /** The append to make: the stream, its new events, and the revision they were decided on. */
  append: StreamAppend;
  /** The state the command was decided on (before the new events). */
  state: State;
}

/**
 * Reads a stream, folds it, decides. The expected revision is the one the decision saw, so a
 * concurrent writer turns into a ConcurrencyConflict instead of a decision on stale state.
 */
export async function decideOn<State, Command extends DomainCommand, Event extends DomainEvent>(
  store: Pick<EventStore, 'readStream'>,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command | ((state: State) => Command),
): Promise<Decision<State>> {
  const past = await store.readStream(stream);
  // Stored payloads were written from these same event types; a payload whose shape changes gets
  // a new schema version and an upcaster, applied here.
  const state = fold(decider, past.map((e) => ({ type: e.type, data: e.data }) as unknown as Event));
  const events = decider.decide(typeof command === 'function' ? command(state) : command, state);
  return {
    state,
    append: {
      stream,
      expectedRevision: past.length === 0 ? 'no_stream' : past[past.length - 1].revision,
      events: events.map((e) => ({ type: e.type, data: e.data as unknown as JsonObject })),
    },
  };
}

/** The whole round trip for a command on one stream: read, fold, decide, append. */
export async function handleCommand<State, Command extends DomainCommand, Event extends DomainEvent>(
  store: Pick<EventStore, 'readStream' | 'appendMany'>,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command | ((state: State) => Command),
  options: WriteOptions,
): Promise<AppendResult> {
  const { append } = await decideOn(store, stream, decider, command);
  return appendDecisions(store, [append], options);
}

/** Appends what was decided; a decision that changes nothing writes nothing. */
export async function appendDecisions(
  store: Pick<EventStore, 'appendMany'>,
  appends: StreamAppend[],
  options: WriteOptions,
): Promise<AppendResult> {
  const nonEmpty = appends.filter((a) => a.events.length > 0);
  if (nonEmpty.length === 0) return { events: [], replayed: false };
  return store.appendMany(nonEmpty, options);
}

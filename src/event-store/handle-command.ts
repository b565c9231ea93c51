import { toNewEvent } from './new-event';
import type { Decider, DomainCommand, DomainEvent } from '../shared/decider';
import { fold } from '../shared/decider';
import { ConcurrencyConflict } from './event-store.errors';
import type { AppendResult, EventStore, ExpectedRevision, StoredEvent, StreamAppend, WriteOptions } from './event-store.port';

export interface CommandOptions extends WriteOptions {
  /**
   * How many times a command that lost a race (ConcurrencyConflict) is read and decided again on
   * fresh state before the conflict is answered (default 0). Worth it where the loser should hear
   * the business reason instead (e.g. UNIT_ALREADY_ALLOCATED) or may well succeed.
   */
  retriesOnConflict?: number;
  /**
   * The command usually creates its stream (a new file under a fresh id): decide it first on an
   * empty stream without reading it, and append expecting 'no_stream'. If the stream exists after
   * all, the append conflicts and writes nothing, and the command takes the usual round trip.
   */
  newStreamFirst?: boolean;
}

export interface Loaded<State> {
  stream: string;
  state: State;
  /** The revision the state was folded from: the append of a decision on it must find it unchanged. */
  expectedRevision: ExpectedRevision;
}

export interface Decision<State> {
  /** The append to make: the stream, its new events, and the revision they were decided on. */
  append: StreamAppend;
  /** The state the command was decided on (before the new events). */
  state: State;
}

/** Reads a stream and folds it. */
export async function load<State, Event extends DomainEvent>(
  store: Pick<EventStore, 'readStream'>,
  stream: string,
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Promise<Loaded<State>> {
  return loadedFrom(stream, await store.readStream(stream), decider);
}

/** Folds a stream already read (see `EventStore.readStreams`). */
export function loadedFrom<State, Event extends DomainEvent>(
  stream: string,
  past: StoredEvent[],
  decider: Pick<Decider<State, never, Event>, 'initialState' | 'evolve'>,
): Loaded<State> {
  // Stored payloads were written from these same event types; a payload whose shape changes gets
  // a new schema version and an upcaster, applied here.
  const state = fold(decider, past.map((e) => ({ type: e.type, data: e.data }) as unknown as Event));
  return { stream, state, expectedRevision: past.length === 0 ? 'no_stream' : past[past.length - 1].revision };
}

/**
 * Decides on loaded state. The expected revision is the one the decision saw, so a concurrent
 * writer turns into a ConcurrencyConflict instead of a decision on stale state.
 */
export function decide<State, Command extends DomainCommand, Event extends DomainEvent>(
  { stream, state, expectedRevision }: Loaded<State>,
  decider: Decider<State, Command, Event>,
  command: Command,
): StreamAppend {
  const events = decider.decide(command, state);
  return { stream, expectedRevision, events: events.map(toNewEvent) };
}

export async function decideOn<State, Command extends DomainCommand, Event extends DomainEvent>(
  store: Pick<EventStore, 'readStream'>,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command | ((state: State) => Command),
): Promise<Decision<State>> {
  const loaded = await load(store, stream, decider);
  return { state: loaded.state, append: decide(loaded, decider, typeof command === 'function' ? command(loaded.state) : command) };
}

/** The whole round trip for a command on one stream: read, fold, decide, append. */
export async function handleCommand<State, Command extends DomainCommand, Event extends DomainEvent>(
  store: Pick<EventStore, 'readStream' | 'appendMany'>,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command | ((state: State) => Command),
  { retriesOnConflict = 0, newStreamFirst = false, ...options }: CommandOptions,
): Promise<AppendResult> {
  const onEmpty = newStreamFirst ? await appendOnEmptyStream(store, stream, decider, command, options) : undefined;
  if (onEmpty) return onEmpty;
  return retryOnConflict(retriesOnConflict, async () => {
    const { append } = await decideOn(store, stream, decider, command);
    return appendDecisions(store, [append], options);
  });
}

/**
 * `newStreamFirst`: the command decided on an empty stream and appended with 'no_stream', or
 * undefined when that guess cannot stand: the stream exists (conflict), or on an empty stream the
 * command would be refused or change nothing, which its real stream may not bear out.
 */
async function appendOnEmptyStream<State, Command extends DomainCommand, Event extends DomainEvent>(
  store: Pick<EventStore, 'appendMany'>,
  stream: string,
  decider: Decider<State, Command, Event>,
  command: Command | ((state: State) => Command),
  options: WriteOptions,
): Promise<AppendResult | undefined> {
  const empty = loadedFrom<State, Event>(stream, [], decider);
  let append: StreamAppend;
  try {
    append = decide(empty, decider, typeof command === 'function' ? command(empty.state) : command);
  } catch {
    return undefined;
  }
  if (append.events.length === 0) return undefined;
  try {
    return await store.appendMany([append], options);
  } catch (error) {
    if (error instanceof ConcurrencyConflict) return undefined;
    throw error;
  }
}

/**
 * The round trip for a command decided on several streams together: `decideAll` reads and decides
 * (and says what to answer), and its appends are written in one go or not at all.
 */
export async function handleDecisions<Result>(
  store: Pick<EventStore, 'appendMany'>,
  decideAll: () => Promise<{ appends: StreamAppend[]; result: Result }>,
  { retriesOnConflict = 0, ...options }: CommandOptions,
): Promise<Result> {
  return retryOnConflict(retriesOnConflict, async () => {
    const { appends, result } = await decideAll();
    await appendDecisions(store, appends, options);
    return result;
  });
}

/**
 * Runs a whole read-decide-append round trip again while it loses races, at most `retries` more
 * times. Only a ConcurrencyConflict is retried: every other error, business or not, is final.
 */
async function retryOnConflict<T>(retries: number, roundTrip: () => Promise<T>): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await roundTrip();
    } catch (error) {
      if (!(error instanceof ConcurrencyConflict) || retry >= retries) throw error;
    }
  }
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

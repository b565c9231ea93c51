export const CLOCK = Symbol('Clock');

/** Injected everywhere time is read, so tests can fix "now" and deciders stay pure. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

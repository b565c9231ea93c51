import type { Clock } from '../../shared/clock';
import { CircuitBreaker, RegistryUnavailable } from './circuit-breaker';

class ManualClock implements Clock {
  constructor(public ms = Date.parse('2026-01-01T00:00:00Z')) {}
  now(): Date {
    return new Date(this.ms);
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

const boom = () => Promise.reject(new Error('down'));
const ok = () => Promise.resolve('ok');

function setup(isFailure?: (error: unknown) => boolean) {
  const clock = new ManualClock();
  const breaker = new CircuitBreaker({ failureThreshold: 3, cooldownMs: 1000, clock, isFailure });
  let calls = 0;
  const counted = <T>(operation: () => Promise<T>) => () => {
    calls += 1;
    return operation();
  };
  return { clock, breaker, counted, calls: () => calls };
}

describe('CircuitBreaker', () => {
  it('stays closed below the threshold, and a success resets the count', async () => {
    const { breaker } = setup();
    await expect(breaker.call(boom)).rejects.toThrow('down');
    await expect(breaker.call(boom)).rejects.toThrow('down');
    await expect(breaker.call(ok)).resolves.toBe('ok');
    await expect(breaker.call(boom)).rejects.toThrow('down');
    await expect(breaker.call(boom)).rejects.toThrow('down');
    expect(breaker.state).toBe('closed');
  });

  it('opens after N consecutive failures and then fails fast without calling', async () => {
    const { breaker, counted, calls } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.call(counted(boom))).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    const fast = breaker.call(counted(ok));
    await expect(fast).rejects.toBeInstanceOf(RegistryUnavailable);
    await expect(fast).rejects.toMatchObject({ reason: 'circuit-open', retryAfterMs: 1000 });
    expect(calls()).toBe(3);
  });

  it('says how much of the cooldown is left', async () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.call(boom)).rejects.toThrow();
    clock.advance(400);
    await expect(breaker.call(ok)).rejects.toMatchObject({ retryAfterMs: 600 });
  });

  it('lets one trial through after the cooldown and closes on its success', async () => {
    const { breaker, clock, counted, calls } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.call(boom)).rejects.toThrow();
    clock.advance(1000);
    expect(breaker.state).toBe('half-open');
    let release: (value: string) => void = () => undefined;
    const trial = breaker.call(counted(() => new Promise<string>((resolve) => (release = resolve))));
    // A second caller during the trial is refused rather than piling onto a recovering service.
    await expect(breaker.call(counted(ok))).rejects.toMatchObject({ reason: 'circuit-open' });
    release('recovered');
    await expect(trial).resolves.toBe('recovered');
    expect(calls()).toBe(1);
    expect(breaker.state).toBe('closed');
    await expect(breaker.call(ok)).resolves.toBe('ok');
  });

  it('opens again for a fresh cooldown when the trial fails', async () => {
    const { breaker, clock } = setup();
    for (let i = 0; i < 3; i++) await expect(breaker.call(boom)).rejects.toThrow();
    clock.advance(1500);
    await expect(breaker.call(boom)).rejects.toThrow('down');
    expect(breaker.state).toBe('open');
    clock.advance(999);
    await expect(breaker.call(ok)).rejects.toMatchObject({ reason: 'circuit-open' });
    clock.advance(1);
    await expect(breaker.call(ok)).resolves.toBe('ok');
  });

  it('does not count errors that say the dependency is up', async () => {
    const rejected = new Error('400');
    const { breaker, clock } = setup((error) => error !== rejected);
    for (let i = 0; i < 5; i++) await expect(breaker.call(() => Promise.reject(rejected))).rejects.toBe(rejected);
    expect(breaker.state).toBe('closed');
    for (let i = 0; i < 3; i++) await expect(breaker.call(boom)).rejects.toThrow();
    clock.advance(1000);
    // A trial answered by a live service (even with a refusal) closes the circuit.
    await expect(breaker.call(() => Promise.reject(rejected))).rejects.toBe(rejected);
    expect(breaker.state).toBe('closed');
  });

  it('refuses nonsensical settings', () => {
    expect(() => new CircuitBreaker({ failureThreshold: 0, cooldownMs: 1, clock: new ManualClock() })).toThrow(RangeError);
  });
});

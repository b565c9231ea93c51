import type { Clock } from '../../shared/clock';

/**
 * The population registry could not answer (down, too slow, overloaded, or it sent something we
 * cannot trust). A plain Error, not a DomainError: DomainError has no 503, and this is not a broken
 * business rule. The checks endpoint maps it to 503 with `Retry-After` (from `retryAfterMs`) and
 * records nothing, so a check is retried later and never recorded as a "match" from missing data.
 */
export class RegistryUnavailable extends Error {
  constructor(
    readonly reason: 'circuit-open' | 'timeout' | 'network' | 'http-status' | 'malformed-response' | 'snapshot-changed',
    message: string,
    /** When a retry makes sense; undefined when we have no better idea than our own backoff. */
    readonly retryAfterMs?: number,
    options?: { cause?: unknown },
  ) {
    super(`population registry unavailable (${reason}): ${message}`, options);
    this.name = 'RegistryUnavailable';
  }
}

export type CircuitState = 'closed' | 'open' | 'half-open';

export interface CircuitBreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  cooldownMs: number;
  clock: Clock;
  /**
   * Which errors say the dependency is unhealthy. Others (e.g. a 400 for our own bad request)
   * pass through without counting: the service answered, so it is up.
   */
  isFailure?: (error: unknown) => boolean;
}

/**
 * closed → open after `failureThreshold` consecutive failures → half-open once `cooldownMs` has
 * passed → exactly one trial call → closed on success, open again (fresh cooldown) on failure.
 * While open, or while the trial is in flight, calls fail at once without touching the dependency,
 * so a dead registry is not hammered and callers learn quickly that they must retry later.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly options: CircuitBreakerOptions) {
    if (!(options.failureThreshold >= 1)) throw new RangeError('failureThreshold must be at least 1');
    if (!(options.cooldownMs >= 0)) throw new RangeError('cooldownMs must not be negative');
  }

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.cooldownMs ? 'half-open' : 'open';
  }

  async call<T>(operation: () => Promise<T>): Promise<T> {
    const state = this.state;
    if (state === 'open' || (state === 'half-open' && this.trialInFlight)) {
      throw new RegistryUnavailable('circuit-open', 'not calling the registry after repeated failures', this.remainingCooldownMs());
    }
    const trial = state === 'half-open';
    if (trial) this.trialInFlight = true;
    try {
      const result = await operation();
      this.failures = 0;
      this.openedAt = undefined;
      return result;
    } catch (error) {
      const counts = this.options.isFailure?.(error) ?? true;
      if (counts) {
        this.failures += 1;
        if (trial || this.failures >= this.options.failureThreshold) this.openedAt = this.now();
      } else if (trial) {
        // The trial reached a live service: that is the recovery we were waiting for.
        this.failures = 0;
        this.openedAt = undefined;
      }
      throw error;
    } finally {
      if (trial) this.trialInFlight = false;
    }
  }

  private remainingCooldownMs(): number {
    if (this.openedAt === undefined) return 0;
    // A trial in flight: callers are told to come back after one more cooldown at most.
    return Math.max(0, this.openedAt + this.options.cooldownMs - this.now()) || this.options.cooldownMs;
  }

  private now(): number {
    return this.options.clock.now().getTime();
  }
}

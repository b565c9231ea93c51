import type { Clock } from '../../shared/clock';
import { systemClock } from '../../shared/clock';
import { chunks } from '../../shared/chunks';
import { CircuitBreaker, RegistryUnavailable } from './circuit-breaker';
import { MalformedRegistryResponse, parseLookupResponse } from './registry-response';
import type { PopulationLookup, PopulationRegistry, RegistryPerson } from '../population-registry.port';

/** The registry refused our request (4xx other than 429): retrying the same request cannot help. */
export class RegistryRequestRejected extends Error {
  constructor(readonly status: number, detail: string) {
    super(`population registry rejected the lookup with ${status}: ${detail}`);
    this.name = 'RegistryRequestRejected';
  }
}

export interface HttpRegistryOptions {
  baseUrl: string;
  /** Per request, from sending to the last byte of the body. */
  timeoutMs?: number;
  /** Tries per batch, the first included. */
  maxAttempts?: number;
  /** First backoff; doubled each retry, jittered, capped by maxBackoffMs. */
  backoffBaseMs?: number;
  maxBackoffMs?: number;
  /** A longer Retry-After is not waited out here: the lookup fails and says when to come back. */
  maxRetryAfterMs?: number;
  /** Ids per request; the registry accepts at most 500. */
  batchSize?: number;
  breakerFailureThreshold?: number;
  breakerCooldownMs?: number;
  clock?: Clock;
  sleep?: (ms: number) => Promise<void>;
  /** [0, 1); injected so backoff is reproducible in tests. */
  random?: () => number;
}

const MAX_BATCH = 500;

/** A retryable failure of one attempt, with the wait the registry asked for, if any. */
class AttemptFailed extends Error {
  constructor(readonly unavailable: RegistryUnavailable, readonly retryAfterMs?: number) {
    super(unavailable.message);
  }
}

/**
 * `PopulationRegistry` over HTTP (`POST {baseUrl}/v1/people:lookup`, README "Population registry
 * service"). Every way of not getting a trustworthy, complete answer ends in RegistryUnavailable
 * (or RegistryRequestRejected): it never returns partial data, so an absent person always means
 * "the registry does not know them", never "we could not ask".
 */
export class HttpPopulationRegistry implements PopulationRegistry {
  readonly kind = 'http' as const;
  readonly breaker: CircuitBreaker;
  private readonly endpoint: string;
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly backoffBaseMs: number;
  private readonly maxBackoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly batchSize: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly clock: Clock;

  constructor(options: HttpRegistryOptions) {
    this.endpoint = new URL('v1/people:lookup', options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`).toString();
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.backoffBaseMs = options.backoffBaseMs ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 5000;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
    this.batchSize = Math.min(MAX_BATCH, Math.max(1, options.batchSize ?? MAX_BATCH));
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.random = options.random ?? Math.random;
    this.clock = options.clock ?? systemClock;
    this.breaker = new CircuitBreaker({
      failureThreshold: options.breakerFailureThreshold ?? 5,
      cooldownMs: options.breakerCooldownMs ?? 30_000,
      clock: this.clock,
      isFailure: (error) => error instanceof RegistryUnavailable,
    });
  }

  async lookup(citizenIds: string[]): Promise<PopulationLookup> {
    const ids = [...new Set(citizenIds)];
    // An empty lookup still asks once: the caller records which snapshot was consulted.
    const batches = ids.length === 0 ? [[]] : chunks(ids, this.batchSize);
    const people = new Map<string, RegistryPerson>();
    let snapshot: string | undefined;
    for (const batch of batches) {
      const answer = await this.breaker.call(() => this.lookupBatch(batch));
      if (snapshot !== undefined && answer.snapshot !== snapshot) {
        // Mixing two versions of the registry in one check would make it unreproducible.
        throw new RegistryUnavailable('snapshot-changed', `snapshot moved from "${snapshot}" to "${answer.snapshot}" mid-lookup`, 0);
      }
      snapshot = answer.snapshot;
      for (const [id, person] of answer.people) people.set(id, person);
    }
    return { snapshot: snapshot ?? '', people };
  }

  private async lookupBatch(batch: string[]): Promise<PopulationLookup> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(batch);
      } catch (error) {
        if (!(error instanceof AttemptFailed)) throw error;
        const retryAfter = error.retryAfterMs;
        if (attempt >= this.maxAttempts || (retryAfter !== undefined && retryAfter > this.maxRetryAfterMs)) {
          throw error.unavailable;
        }
        await this.sleep(retryAfter ?? this.backoff(attempt));
      }
    }
  }

  /** Equal jitter: half the exponential delay is fixed, half random, so clients spread out. */
  private backoff(attempt: number): number {
    const exponential = Math.min(this.maxBackoffMs, this.backoffBaseMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + (exponential / 2) * this.random());
  }

  private async attempt(batch: string[]): Promise<PopulationLookup> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      let response: Response;
      let body: string;
      try {
        response = await fetch(this.endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify({ citizenIds: batch }),
          signal: controller.signal,
          // A redirect is not part of the contract; following one would send citizen ids elsewhere.
          redirect: 'manual',
        });
        body = await response.text();
      } catch (error) {
        const reason = controller.signal.aborted ? 'timeout' : 'network';
        const message = reason === 'timeout' ? `no complete answer within ${this.timeoutMs} ms` : errorText(error);
        throw new AttemptFailed(new RegistryUnavailable(reason, message, undefined, { cause: error }));
      }
      const status = response.status;
      if (status === 429 || status >= 500) {
        const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), this.clock.now().getTime());
        throw new AttemptFailed(new RegistryUnavailable('http-status', `answered ${status}`, retryAfterMs), retryAfterMs);
      }
      if (status !== 200) {
        if (status >= 400) throw new RegistryRequestRejected(status, body.slice(0, 200));
        throw new RegistryUnavailable('http-status', `answered ${status}, expected 200`);
      }
      try {
        return parseLookupResponse(body, batch);
      } catch (error) {
        // Not retried: the same registry would most likely send the same body again.
        if (error instanceof MalformedRegistryResponse) throw new RegistryUnavailable('malformed-response', error.message, undefined, { cause: error });
        throw error;
      }
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, nowMs: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

function errorText(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
}

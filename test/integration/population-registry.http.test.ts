import type { Clock } from '../../src/shared/clock';
import { RegistryUnavailable } from '../../src/population/http/circuit-breaker';
import {
  HttpPopulationRegistry,
  RegistryRequestRejected,
  type HttpRegistryOptions,
} from '../../src/population/http/population-registry.http-client';
import { type Behaviour, FakeRegistry, json, ok } from '../support/fake-population-registry';
import { registryPerson } from '../support/registry-extracts';

const slow = (ms: number): Behaviour => (res, ids) => void setTimeout(() => ok()(res, ids), ms);
/** Headers at once, then a body that never finishes: the timeout must cover the body too. */
const stalledBody: Behaviour = (res) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.write('{"snapshot":"s","people":[');
};

class ManualClock implements Clock {
  ms = Date.parse('2026-11-23T09:00:00Z');
  now(): Date {
    return new Date(this.ms);
  }
}

const id = (n: number) => `031090${String(n).padStart(6, '0')}`;

describe('HttpPopulationRegistry against a real HTTP server', () => {
  let registry: FakeRegistry;
  let baseUrl: string;
  let sleeps: number[];
  let clock: ManualClock;
  const client = (options: Partial<HttpRegistryOptions> = {}) =>
    new HttpPopulationRegistry({
      baseUrl,
      timeoutMs: 200,
      backoffBaseMs: 100,
      clock,
      random: () => 0.5,
      // Backoff is recorded, not waited: the suite stays fast and the delays are asserted.
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      ...options,
    });

  beforeEach(async () => {
    registry = new FakeRegistry();
    baseUrl = await registry.start();
    sleeps = [];
    clock = new ManualClock();
  });
  afterEach(() => registry.stop());

  it('posts the ids and returns the people it knows, leaving unknown ids absent', async () => {
    const result = await client().lookup([id(1), '099000000001', id(2)]);
    expect(result.snapshot).toBe('snap-2026-11-23');
    expect([...result.people.keys()]).toEqual([id(1), id(2)]);
    expect(result.people.get(id(1))).toEqual(registryPerson(id(1)));
    expect(result.people.has('099000000001')).toBe(false);
    expect(registry.hits).toEqual([
      { method: 'POST', url: '/v1/people:lookup', contentType: 'application/json', ids: [id(1), '099000000001', id(2)] },
    ]);
  });

  it('keeps a path prefix of the base URL', async () => {
    await client({ baseUrl: `${baseUrl}/registry` }).lookup([id(1)]);
    expect(registry.hits[0].url).toBe('/registry/v1/people:lookup');
  });

  it('batches into requests of at most 500 ids and merges the answers', async () => {
    const ids = Array.from({ length: 1201 }, (_, n) => id(n));
    const result = await client().lookup([...ids, id(7)]);
    expect(registry.hits.map((hit) => hit.ids.length)).toEqual([500, 500, 201]);
    expect(new Set(registry.hits.flatMap((hit) => hit.ids)).size).toBe(1201);
    expect(result.people.size).toBe(1201);
  });

  it('refuses to mix two snapshots in one lookup', async () => {
    registry.script = [ok('snap-A'), ok('snap-B')];
    await expect(client({ batchSize: 1 }).lookup([id(1), id(2)])).rejects.toMatchObject({ reason: 'snapshot-changed' });
  });

  it('retries a 503 with jittered exponential backoff, then succeeds', async () => {
    registry.script = [json(503, { error: 'busy' }), json(502, 'bad gateway')];
    const result = await client().lookup([id(1)]);
    expect(result.people.size).toBe(1);
    expect(registry.hits).toHaveLength(3);
    expect(sleeps).toEqual([75, 150]);
  });

  it('waits out the Retry-After of a 429', async () => {
    registry.script = [json(429, { error: 'slow down' }, { 'retry-after': '2' })];
    await expect(client().lookup([id(1)])).resolves.toMatchObject({ snapshot: 'snap-2026-11-23' });
    expect(sleeps).toEqual([2000]);
    expect(registry.hits).toHaveLength(2);
  });

  it('gives up at once on a Retry-After beyond the cap, saying when to come back', async () => {
    registry.script = [json(503, {}, { 'retry-after': '120' })];
    await expect(client({ maxRetryAfterMs: 10_000 }).lookup([id(1)])).rejects.toMatchObject({
      name: 'RegistryUnavailable', reason: 'http-status', retryAfterMs: 120_000,
    });
    expect(registry.hits).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('times out a registry slower than the timeout, retries, and fails as unavailable', async () => {
    registry.fallback = slow(1000);
    const started = Date.now();
    await expect(client({ timeoutMs: 100 }).lookup([id(1)])).rejects.toMatchObject({ reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(900);
    expect(registry.hits).toHaveLength(3);
  });

  it('times out a body that never finishes', async () => {
    registry.fallback = stalledBody;
    await expect(client({ timeoutMs: 100, maxAttempts: 1 }).lookup([id(1)])).rejects.toMatchObject({ reason: 'timeout' });
  });

  it('recovers when a slow answer is followed by a quick one', async () => {
    registry.script = [slow(1000)];
    await expect(client({ timeoutMs: 100 }).lookup([id(1)])).resolves.toMatchObject({ snapshot: 'snap-2026-11-23' });
    expect(registry.hits).toHaveLength(2);
  });

  it.each([
    ['malformed JSON', '{"snapshot": "s", "people": [ {'],
    ['no snapshot', { people: [] }],
    ['a person missing a field', { snapshot: 's', people: [{ ...registryPerson(id(1)), gender: undefined }] }],
    ['a bad date', { snapshot: 's', people: [registryPerson(id(1), { dateOfBirth: '1990-02-30' })] }],
    ['a deceased person without a date of death', { snapshot: 's', people: [registryPerson(id(1), { status: 'deceased' })] }],
    ['a person not asked for', { snapshot: 's', people: [registryPerson(id(1)), registryPerson(id(9))] }],
    ['a person twice', { snapshot: 's', people: [registryPerson(id(1)), registryPerson(id(1))] }],
  ])('treats %s as a failure, never as partial data', async (_, body) => {
    registry.script = [json(200, body)];
    const lookup = client().lookup([id(1)]);
    await expect(lookup).rejects.toBeInstanceOf(RegistryUnavailable);
    await expect(lookup).rejects.toMatchObject({ reason: 'malformed-response' });
    expect(registry.hits).toHaveLength(1);
  });

  it('does not retry a 400, and does not count it against the registry', async () => {
    registry.fallback = json(400, { error: 'bad citizen id' });
    const registryClient = client({ breakerFailureThreshold: 1 });
    await expect(registryClient.lookup(['x'])).rejects.toBeInstanceOf(RegistryRequestRejected);
    await expect(registryClient.lookup(['x'])).rejects.toThrow(/rejected the lookup with 400: .*bad citizen id/);
    expect(registry.hits).toHaveLength(2);
    expect(registryClient.breaker.state).toBe('closed');
  });

  it('does not follow a redirect elsewhere', async () => {
    registry.fallback = json(307, {}, { location: 'http://127.0.0.1:1/elsewhere' });
    await expect(client().lookup([id(1)])).rejects.toMatchObject({ reason: 'http-status' });
    expect(registry.hits).toHaveLength(1);
  });

  it('opens the breaker after repeated failures, fails fast without calling, and recovers half-open', async () => {
    registry.fallback = json(503, {});
    const registryClient = client({ maxAttempts: 1, breakerFailureThreshold: 2, breakerCooldownMs: 30_000 });
    for (let i = 0; i < 2; i++) await expect(registryClient.lookup([id(1)])).rejects.toMatchObject({ reason: 'http-status' });
    expect(registry.hits).toHaveLength(2);

    await expect(registryClient.lookup([id(1)])).rejects.toMatchObject({ reason: 'circuit-open', retryAfterMs: 30_000 });
    expect(registry.hits).toHaveLength(2);

    clock.ms += 30_000;
    await expect(registryClient.lookup([id(1)])).rejects.toMatchObject({ reason: 'http-status' });
    expect(registry.hits).toHaveLength(3);
    await expect(registryClient.lookup([id(1)])).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(registry.hits).toHaveLength(3);

    clock.ms += 30_000;
    registry.fallback = ok();
    await expect(registryClient.lookup([id(1)])).resolves.toMatchObject({ snapshot: 'snap-2026-11-23' });
    expect(registryClient.breaker.state).toBe('closed');
    expect(registry.hits).toHaveLength(4);
  });

  it('surfaces a registry that is down as RegistryUnavailable and returns no data', async () => {
    const registryClient = client({ breakerFailureThreshold: 2 });
    await registryClient.lookup([id(1)]);
    await registry.stop();

    const first = registryClient.lookup([id(1)]);
    await expect(first).rejects.toBeInstanceOf(RegistryUnavailable);
    await expect(first).rejects.toMatchObject({ reason: 'network' });
    expect(sleeps).toEqual([75, 150]);
    await expect(registryClient.lookup([id(1)])).rejects.toMatchObject({ reason: 'network' });
    await expect(registryClient.lookup([id(1)])).rejects.toMatchObject({ reason: 'circuit-open' });
    expect(sleeps).toHaveLength(4);
    registry = new FakeRegistry(); // afterEach closes this one; the real one is already closed
    await registry.start();
  });
});

import { expect } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Actor } from '../src/shared/actor';
import { JsonObject } from '../src/shared/json';
import { ConcurrencyConflict, EventNotPlainJson, EventTooLarge, IdempotencyKeyReused, InvalidEvent } from '../src/event-store/event-store.errors';
import { EventStore, isBefore, LogPosition, NewEvent, ReadSideEvent, StoredEvent } from '../src/event-store/event-store.port';
import { hashOfText } from '../src/event-store/hash-chain';
import { verifyLog } from '../src/event-store/verify-log';

/** What a backend gives the contract: its store, and the two things only it can stage. */
export interface EventStoreFixture {
  store: EventStore;
  /** Starts an append whose events take their log positions now but become visible only at `commit()`. */
  beginLateAppend(stream: string, events: NewEvent[]): Promise<{ commit(): Promise<void> }>;
  /**
   * Changes a stored event's data behind the store's back (an operator with raw database access).
   * Resolves to the revision the verifier must name when that is not `revision` itself: an
   * append-only log can only be forged by appending.
   */
  tamper(stream: string, revision: number, data: JsonObject): Promise<number | undefined>;
  /** The events the store writes are limited to this many bytes each. */
  maxEventBytes: number;
}

const actor: Actor = { subject: 'contract-test', role: 'board', province: '31' };
const event = (type: string, data: JsonObject = {}): NewEvent => ({ type, data });
const any = { expectedRevision: 'any' as const, actor };

/** Runs every rule of the event-store port against one backend. Stream names are unique per test. */
export function eventStoreContract(name: string, setup: () => Promise<EventStoreFixture>, teardown: () => Promise<void>): void {
  describe(`EventStore contract: ${name}`, () => {
    let fx: EventStoreFixture;
    let store: EventStore;
    const stream = (prefix = 'test') => `${prefix}-${randomUUID()}`;

    beforeAll(async () => {
      fx = await setup();
      store = fx.store;
    });
    afterAll(teardown);

    /** Everything after `from`, read to the end in the store's total order. */
    async function tail(from: LogPosition): Promise<StoredEvent[]> {
      const out: StoredEvent[] = [];
      let after = from;
      for (;;) {
        const page = await store.readAll({ after, limit: 100 });
        out.push(...page.events);
        if (page.events.length < 100) return out;
        after = page.next;
      }
    }

    async function head(): Promise<LogPosition> {
      const s = stream('marker');
      const { events } = await store.append(s, [event('Marker')], any);
      return events[0].position;
    }

    it('reads back a stream in the order it was written, with revisions from 0', async () => {
      const s = stream();
      await store.append(s, [event('A', { n: 1 }), event('B', { n: 2 })], { expectedRevision: 'no_stream', actor });
      await store.append(s, [event('C', { n: 3 })], { expectedRevision: 1, actor });
      const read = await store.readStream(s);
      expect(read.map((e) => [e.type, e.revision, e.data.n])).toEqual([['A', 0, 1], ['B', 1, 2], ['C', 2, 3]]);
      expect(await store.readStream(s, { fromRevision: 2 })).toHaveLength(1);
      expect(await store.readStream(stream())).toEqual([]);
    });

    it('reads many streams at once exactly as one by one, an absent stream as empty', async () => {
      const [a, b, absent] = [stream(), stream(), stream()];
      await store.append(a, [event('A', { n: 1 }), event('B', { n: 2 })], any);
      await store.append(b, [event('C', { n: 3 })], any);
      await store.append(a, [event('D', { n: 4 })], any);
      const read = await store.readStreams([b, a, absent, a]);
      expect([...read.keys()].sort()).toEqual([a, b, absent].sort());
      expect(read.get(a)).toEqual(await store.readStream(a));
      expect(read.get(b)).toEqual(await store.readStream(b));
      expect(read.get(absent)).toEqual([]);
      expect((await store.readStreams([])).size).toBe(0);
    });

    it('stamps every event with its metadata and hash chain', async () => {
      const s = stream();
      const causationId = randomUUID();
      await store.append(s, [event('A'), event('B')], { ...any, correlationId: 'corr-1', causationId, idempotencyKey: randomUUID() });
      const [a, b] = await store.readStream(s);
      expect(a.metadata).toMatchObject({ correlationId: 'corr-1', causationId, actor, schemaVersion: 1, eventId: a.eventId });
      expect(a.metadata.commandId).toEqual(expect.any(String));
      expect(new Date(a.metadata.recordedAt).toISOString()).toBe(a.metadata.recordedAt);
      expect(a.prevHash).toBe('0'.repeat(64));
      expect(b.prevHash).toBe(a.hash);
      expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    });

    describe('expected revision', () => {
      it("'no_stream' succeeds on a new stream and conflicts on an existing one", async () => {
        const s = stream();
        await store.append(s, [event('A')], { expectedRevision: 'no_stream', actor });
        await expect(store.append(s, [event('B')], { expectedRevision: 'no_stream', actor })).rejects.toBeInstanceOf(ConcurrencyConflict);
      });

      it("'exists' conflicts on a new stream and succeeds on an existing one", async () => {
        const s = stream();
        await expect(store.append(s, [event('A')], { expectedRevision: 'exists', actor })).rejects.toBeInstanceOf(ConcurrencyConflict);
        await store.append(s, [event('A')], any);
        await store.append(s, [event('B')], { expectedRevision: 'exists', actor });
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('a number must equal the last revision exactly', async () => {
        const s = stream();
        await store.append(s, [event('A'), event('B')], any);
        const stale = store.append(s, [event('C')], { expectedRevision: 0, actor });
        await expect(stale).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT', stream: s, expected: 0, actual: 1 });
        await expect(store.append(s, [event('C')], { expectedRevision: 2, actor })).rejects.toBeInstanceOf(ConcurrencyConflict);
        await store.append(s, [event('C')], { expectedRevision: 1, actor });
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it("'any' always appends", async () => {
        const s = stream();
        await store.append(s, [event('A')], any);
        await store.append(s, [event('B')], any);
        expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    it('100 concurrent appends at one revision: exactly one wins, every loser gets ConcurrencyConflict', async () => {
      const s = stream();
      await store.append(s, [event('Created')], { expectedRevision: 'no_stream', actor });
      const results = await Promise.allSettled(
        Array.from({ length: 100 }, (_, i) => store.append(s, [event('Claimed', { writer: i })], { expectedRevision: 0, actor })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(99);
      lost.forEach((r) => expect(r.reason).toBeInstanceOf(ConcurrencyConflict));
      expect((await store.readStream(s)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('concurrent appends stand or fall alone: conflicts and a reused key among 60 fail only themselves', async () => {
      const taken = stream();
      await store.append(taken, [event('Created')], { expectedRevision: 'no_stream', actor });
      const key = randomUUID();
      await store.append(stream(), [event('Keyed', { v: 1 })], { ...any, idempotencyKey: key });
      const fresh = Array.from({ length: 50 }, () => stream());
      const results = await Promise.allSettled([
        ...fresh.slice(0, 25).map((s, i) => store.append(s, [event('A', { i }), event('B', { i })], { expectedRevision: 'no_stream', actor })),
        ...Array.from({ length: 5 }, () => store.append(taken, [event('Late')], { expectedRevision: 'no_stream', actor })),
        ...Array.from({ length: 5 }, () => store.append(stream(), [event('Keyed', { v: 2 })], { ...any, idempotencyKey: key })),
        ...fresh.slice(25).map((s, i) => store.append(s, [event('A', { i })], { expectedRevision: 'no_stream', actor })),
      ]);
      const reasons = results.map((r) => (r.status === 'rejected' ? (r.reason as { constructor: unknown }).constructor : 'ok'));
      expect(reasons).toEqual([
        ...Array<string>(25).fill('ok'), ...Array<unknown>(5).fill(ConcurrencyConflict), ...Array<unknown>(5).fill(IdempotencyKeyReused), ...Array<string>(25).fill('ok'),
      ]);
      const read = await store.readStreams([...fresh, taken]);
      expect(fresh.map((s) => read.get(s)?.map((e) => e.type))).toEqual(fresh.map((_, i) => (i < 25 ? ['A', 'B'] : ['A'])));
      expect(read.get(taken)?.map((e) => e.type)).toEqual(['Created']);
      expect(await verifyStreams(store, fresh)).toBeUndefined();
    });

    it("100 concurrent 'any' appends to one stream: each revision written exactly once, none lost", async () => {
      const s = stream();
      await Promise.all(Array.from({ length: 100 }, (_, i) => store.append(s, [event('Tick', { i })], any)));
      const read = await store.readStream(s);
      expect(read.map((e) => e.revision)).toEqual(Array.from({ length: 100 }, (_, i) => i));
      expect(new Set(read.map((e) => e.data.i)).size).toBe(100);
      expect(await verifyStreams(store, [s])).toBeUndefined();
    });

    describe('idempotency', () => {
      it('a retry with the same key returns the first result and writes nothing', async () => {
        const s = stream();
        const key = randomUUID();
        const first = await store.append(s, [event('A', { v: 1 })], { ...any, idempotencyKey: key });
        const again = await store.append(s, [event('A', { v: 1 })], { ...any, idempotencyKey: key });
        expect(again.replayed).toBe(true);
        expect(again.events).toEqual(first.events);
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('a retry racing the first write still writes once', async () => {
        const s = stream();
        const key = randomUUID();
        const results = await Promise.all(
          Array.from({ length: 10 }, () => store.append(s, [event('A')], { expectedRevision: 'no_stream', actor, idempotencyKey: key })),
        );
        expect(new Set(results.map((r) => r.events[0].eventId)).size).toBe(1);
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('the same key with a different request is refused', async () => {
        const s = stream();
        const key = randomUUID();
        await store.append(s, [event('A', { v: 1 })], { ...any, idempotencyKey: key });
        await expect(store.append(s, [event('A', { v: 2 })], { ...any, idempotencyKey: key })).rejects.toBeInstanceOf(IdempotencyKeyReused);
        expect(await store.readStream(s)).toHaveLength(1);
      });
    });

    it('a tailing reader delivers an event that took an earlier position but committed later, skipping nothing', async () => {
      const from = await head();
      const slow = stream('slow');
      const fast = stream('fast');
      const late = await fx.beginLateAppend(slow, [event('Late')]);
      await store.append(fast, [event('Early')], any);

      const seen = await tail(from);
      const checkpoint = seen.length > 0 ? seen[seen.length - 1].position : from;
      await late.commit();
      seen.push(...(await tail(checkpoint)));

      const streams = seen.map((e) => e.stream);
      expect(streams.filter((s) => s === slow)).toHaveLength(1);
      expect(streams.filter((s) => s === fast)).toHaveLength(1);
    });

    it('reads the global log in a strictly increasing order that paging never breaks', async () => {
      const from = await head();
      const streams = [stream(), stream(), stream()];
      await Promise.all(streams.flatMap((s) => Array.from({ length: 10 }, (_, i) => store.append(s, [event('E', { i })], any))));
      const all = await tail(from);
      const ours = all.filter((e) => streams.includes(e.stream));
      expect(ours).toHaveLength(30);
      for (let i = 1; i < all.length; i += 1) expect(comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
      for (const s of streams) {
        expect(ours.filter((e) => e.stream === s).map((e) => e.revision)).toEqual(Array.from({ length: 10 }, (_, i) => i));
      }
    });

    it('reads the log with payloads as text exactly as readAll reads it, and each text hashes to the stored hash', async () => {
      const from = await head();
      const s = stream();
      await store.append(s, [event('A', { name: 'Nguyễn Thị Ánh', note: 'say "hi"\n', n: [1, 2.5, -3], nested: { b: true, a: null } }), event('B', {})], any);
      const objects = await tail(from);
      const texts = (await store.readAllText({ after: from, limit: 1000 })).events;
      expect(texts.map(({ dataText, metadataText, ...e }) => ({ ...e, data: JSON.parse(dataText) as unknown, metadata: JSON.parse(metadataText) as unknown }))).toEqual(objects);
      for (const e of texts) expect(hashOfText(e)).toBe(e.hash);
      const paged = await store.readAllText({ after: from, limit: 1 });
      expect(paged.events.map((e) => e.eventId)).toEqual([objects[0].eventId]);
      expect(paged.next).toEqual(objects[0].position);
    });

    it('reads the log for the projections as readAll reads it, with only what they use of each event', async () => {
      const from = await head();
      const s = stream();
      const author: Actor = { role: 'inspector', subject: 'thanh-tra-07', province: '01' };
      await store.append(s, [event('A', { name: 'Trần Văn Bình', n: [1, 2] }), event('B', {})], { ...any, actor: author });
      const whole = await tail(from);
      const picked = (e: ReadSideEvent): ReadSideEvent => ({
        eventId: e.eventId, stream: e.stream, position: e.position, type: e.type, data: e.data,
        metadata: { recordedAt: e.metadata.recordedAt, actor: { subject: e.metadata.actor.subject } },
      });
      const read = (await store.readAllForProjections({ after: from, limit: 1000 })).events;
      expect(read.map(picked)).toEqual(whole.map(picked));
      expect(read.filter((e) => e.stream === s).map((e) => e.metadata.actor.subject)).toEqual(['thanh-tra-07', 'thanh-tra-07']);
      const paged = await store.readAllForProjections({ after: from, limit: 1 });
      expect(paged.events.map((e) => e.eventId)).toEqual([whole[0].eventId]);
      expect(paged.next).toEqual(whole[0].position);
      const past = await store.readAllForProjections({ after: whole[whole.length - 1].position, limit: 10 });
      expect([past.events, past.next]).toEqual([[], whole[whole.length - 1].position]);
    });

    it('reads the log as hashes and positions exactly as readAll reads it, whole for the streams named', async () => {
      const from = await head();
      const [kept, left] = [stream('kept'), stream('left')];
      await store.append(kept, [event('A', { k: 1 })], any);
      await store.append(left, [event('B', { l: 2 }), event('C', { l: 3 })], any);
      await store.append(kept, [event('D', { k: 4 })], any);
      const events = await tail(from);
      const page = await store.readAllHashes({ after: from, limit: 1000, wholeEventsOf: [kept] });
      expect(Array.from({ length: page.length }, (_, i) => [page.hash(i), page.position(i)])).toEqual(events.map((e) => [e.hash, e.position]));
      expect(page.whole).toEqual(events.flatMap((e, index) => (e.stream === kept ? [{ index, event: e }] : [])));
      expect(page.whole.map((w) => w.event.data)).toEqual([{ k: 1 }, { k: 4 }]);
      expect(page.next).toEqual(events[events.length - 1].position);
      const paged = await store.readAllHashes({ after: events[0].position, limit: 2, wholeEventsOf: [kept] });
      expect([paged.length, paged.hash(1), paged.next, paged.whole]).toEqual([2, events[2].hash, events[2].position, []]);
      const past = await store.readAllHashes({ after: page.next, limit: 10, wholeEventsOf: [kept] });
      expect([past.length, past.next, past.whole]).toEqual([0, page.next, []]);
    });

    it('a subscription delivers new events in batches, in log order', async () => {
      const from = await head();
      const s = stream();
      const received: ReadSideEvent[] = [];
      let failed: unknown;
      const done = new Promise<void>((resolve) => {
        const sub = store.subscribeToAll({
          after: from,
          batchSize: 7,
          onBatch: (events) => {
            received.push(...events.filter((e) => e.stream === s));
            if (received.length >= 20) {
              void sub.stop().then(resolve);
            }
            return Promise.resolve();
          },
          onError: (error) => {
            failed = error;
            resolve();
          },
        });
      });
      for (let i = 0; i < 20; i += 1) await store.append(s, [event('Sub', { i })], any);
      await done;
      expect(failed).toBeUndefined();
      expect(received.map((e) => e.data.i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    });

    it('counts the events after a position for projection lag', async () => {
      const from = await head();
      const s = stream();
      await store.append(s, [event('A'), event('B'), event('C')], any);
      expect(await store.countAfter(from, 1000)).toBeGreaterThanOrEqual(3);
      expect(await store.countAfter(from, 2)).toBe(2);
    });

    it('names the last written event as the head of the log', async () => {
      const { events } = await store.append(stream(), [event('A'), event('B')], any);
      expect(await store.headPosition()).toEqual(events[1].position);
    });

    it('knows the furthest position it has appended at, whatever the kind of append, without asking the log', async () => {
      const furthest = (positions: LogPosition[]): LogPosition => positions.reduce((a, b) => (isBefore(a, b) ? b : a));
      const concurrent = await Promise.all(Array.from({ length: 20 }, () => store.append(stream(), [event('A'), event('B')], any)));
      expect(store.lastAppended()).toEqual(furthest(concurrent.flatMap((r) => r.events.map((e) => e.position))));
      const twice = stream();
      const repeated = await store.appendMany(
        [
          { stream: twice, events: [event('A')], expectedRevision: 'no_stream' },
          { stream: twice, events: [event('B')], expectedRevision: 0 },
        ],
        { actor },
      );
      expect(store.lastAppended()).toEqual(repeated.events[1].position);
      const bulk = await store.appendNewStreams([stream('bulk'), stream('bulk')].map((s) => ({ stream: s, event: event('Submitted') })), { actor, correlationId: 'furthest' });
      expect(store.lastAppended()).toEqual(bulk.events[1].position);
      expect(await store.headPosition()).toEqual(store.lastAppended());
    });

    describe('multi-stream append', () => {
      it('writes every stream of a successful append', async () => {
        const unit = stream('unit');
        const person = stream('person');
        const result = await store.appendMany(
          [
            { stream: unit, events: [event('UnitAllocated')], expectedRevision: 'no_stream' },
            { stream: person, events: [event('BenefitClaimed')], expectedRevision: 'no_stream' },
          ],
          { actor },
        );
        expect(result.events.map((e) => e.stream)).toEqual([unit, person]);
        expect(await store.readStream(unit)).toHaveLength(1);
        expect(await store.readStream(person)).toHaveLength(1);
      });

      it('writes nothing to any stream when one of them conflicts', async () => {
        const unit = stream('unit');
        const person = stream('person');
        await store.append(person, [event('BenefitClaimed')], any);
        const attempt = store.appendMany(
          [
            { stream: unit, events: [event('UnitAllocated')], expectedRevision: 'no_stream' },
            { stream: person, events: [event('BenefitClaimed')], expectedRevision: 'no_stream' },
          ],
          { actor },
        );
        await expect(attempt).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
        expect(await store.readStream(unit)).toEqual([]);
        expect(await store.readStream(person)).toHaveLength(1);
      });
    });

    describe('new streams in bulk (appendNewStreams)', () => {
      it('writes each stream exactly as a no_stream append would: revision 0, genesis prevHash, a valid chain, log order as given', async () => {
        const from = await head();
        const names = [stream('bulk'), stream('bulk'), stream('bulk')];
        const result = await store.appendNewStreams(names.map((s, i) => ({ stream: s, event: event('Submitted', { i, name: 'Nguyễn Thị Lan' }) })), { actor, correlationId: 'bulk-1' });
        expect(result.existing).toEqual([]);
        expect(result.events.map((e) => [e.stream, e.revision])).toEqual(names.map((s) => [s, 0]));
        const read = await store.readStreams(names);
        names.forEach((s, i) => {
          const [only, ...more] = read.get(s) ?? [];
          expect(more).toEqual([]);
          expect(only).toMatchObject({ eventId: result.events[i].eventId, revision: 0, prevHash: '0'.repeat(64), type: 'Submitted', data: { i, name: 'Nguyễn Thị Lan' } });
          expect(only.metadata).toMatchObject({ correlationId: 'bulk-1', actor, schemaVersion: 1 });
          expect(only.position).toEqual(result.events[i].position);
        });
        expect((await tail(from)).filter((e) => names.includes(e.stream)).map((e) => e.stream)).toEqual(names);
        expect(await verifyStreams(store, names)).toBeUndefined();
      });

      it('skips and reports a stream that already exists or repeats an earlier entry, and writes the others', async () => {
        const [taken, fresh, later] = [stream('bulk'), stream('bulk'), stream('bulk')];
        await store.append(taken, [event('First', { n: 1 })], { expectedRevision: 'no_stream', actor });
        const result = await store.appendNewStreams(
          [taken, fresh, fresh, later].map((s, i) => ({ stream: s, event: event('Bulk', { i }) })),
          { actor },
        );
        expect(result.existing).toEqual([taken, fresh]);
        expect(result.events.map((e) => e.stream)).toEqual([fresh, later]);
        expect((await store.readStream(taken)).map((e) => [e.type, e.data])).toEqual([['First', { n: 1 }]]);
        expect((await store.readStream(fresh)).map((e) => e.data)).toEqual([{ i: 1 }]);
        expect((await store.readStream(later)).map((e) => e.data)).toEqual([{ i: 3 }]);
        expect(await store.appendNewStreams([], { actor })).toEqual({ events: [], existing: [] });
      });

      it('refuses the whole chunk when one event is not plain JSON, and writes nothing', async () => {
        const [good, bad] = [stream('bulk'), stream('bulk')];
        const attempt = store.appendNewStreams([{ stream: good, event: event('A') }, { stream: bad, event: event('B', { name: 'Lan \udc00' }) }], { actor });
        await expect(attempt).rejects.toBeInstanceOf(EventNotPlainJson);
        expect(await store.readStreams([good, bad])).toEqual(new Map([[good, []], [bad, []]]));
      });

      it('racing single no_stream appends and other chunks on the same streams: every stream gets exactly one event', async () => {
        const names = Array.from({ length: 20 }, () => stream('race'));
        const chunk = (writer: number) => store.appendNewStreams(names.map((s) => ({ stream: s, event: event('Won', { writer }) })), { actor });
        const single = (s: string) => store.append(s, [event('Won', { writer: -1 })], { expectedRevision: 'no_stream', actor });
        const results = await Promise.allSettled([chunk(1), ...names.slice(0, 10).map(single), chunk(2), ...names.slice(10).map(single)]);
        const written = results.flatMap((r) => (r.status === 'fulfilled' ? r.value.events : []));
        for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConcurrencyConflict);
        const read = await store.readStreams(names);
        for (const s of names) expect(read.get(s)).toHaveLength(1);
        expect(written.map((e) => e.stream).sort()).toEqual([...names].sort());
        expect(await verifyStreams(store, names)).toBeUndefined();
      });
    });

    it('round-trips Vietnamese text exactly', async () => {
      const s = stream();
      const data = {
        fullName: 'Nguyễn Thị Hồng Đào',
        address: 'Số 5, ngõ 12 phố Lạch Tray, phường Đằng Giang, quận Ngô Quyền, TP Hải Phòng',
        decomposed: 'Nguye\u0302\u0303n',
        note: 'nhà ở xã hội — “ưu tiên” ½',
      };
      await store.append(s, [event('ApplicationSubmitted', data)], any);
      const [read] = await store.readStream(s);
      expect(read.data).toEqual(data);
      expect(read.data.decomposed).not.toBe('Nguyễn');
    });

    it('round-trips any JSON payload and keeps its hash chain valid (property)', async () => {
      const s = stream('prop');
      const payload = fc.dictionary(fc.string({ unit: 'grapheme' }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
      const written: JsonObject[] = [];
      await fc.assert(
        fc.asyncProperty(payload, async (raw) => {
          // -0 has no JSON spelling; JSON itself turns it into 0.
          const data = JSON.parse(JSON.stringify(raw)) as JsonObject;
          if (JSON.stringify(data).includes('\\u0000')) return;
          await store.append(s, [event('Prop', data)], any);
          written.push(data);
        }),
        { numRuns: 60 },
      );
      expect((await store.readStream(s)).map((e) => e.data)).toEqual(written);
      expect(await verifyStreams(store, [s])).toBeUndefined();
    });

    it('refuses an oversized event with a clear error and writes nothing', async () => {
      const s = stream();
      const big = { blob: 'x'.repeat(fx.maxEventBytes) };
      const attempt = store.append(s, [event('A'), event('Huge', big)], any);
      await expect(attempt).rejects.toBeInstanceOf(EventTooLarge);
      await expect(attempt).rejects.toThrow(/Huge is \d+ bytes; the limit is \d+ bytes/);
      expect(await store.readStream(s)).toEqual([]);
    });

    it('refuses text that the log cannot store faithfully, and writes nothing', async () => {
      const s = stream();
      await expect(store.append(s, [event('A', { name: 'a\u0000b' })], any)).rejects.toBeInstanceOf(InvalidEvent);
      await expect(store.append(s, [event('A', { name: '\ud800' })], any)).rejects.toBeInstanceOf(InvalidEvent);
      expect(await store.readStream(s)).toEqual([]);
    });

    class Money {
      constructor(readonly vnd: number) {}
    }
    const hole: unknown[] = [1];
    hole[2] = 3;
    it.each<[string, unknown]>([
      ['undefined', { unitNo: undefined }],
      ['undefined nested in an array', { units: [{ unitNo: 'A-1', priceVnd: undefined }] }],
      ['a hole in an array', { units: hole }],
      ['a function', { at: () => 1 }],
      ['NaN', { area: Number.NaN }],
      ['Infinity', { area: Number.POSITIVE_INFINITY }],
      ['a bigint', { vnd: 10n }],
      ['a symbol', { tag: Symbol('x') }],
      ['a Date', { at: new Date(0) }],
      ['a class instance', { price: new Money(1) }],
      ['a Map', { people: new Map() }],
      ['a NUL in a key', { ['a\u0000b']: 1 }],
      ['a lone surrogate deep inside', { household: [{ fullName: 'Lan \udc00' }] }],
      ['an array as the whole payload', [1, 2]],
    ])('refuses a payload that is not plain JSON (%s) with EventNotPlainJson, and writes nothing', async (_, data) => {
      const s = stream();
      const attempt = store.append(s, [event('A'), { type: 'B', data: data as JsonObject }], any);
      await expect(attempt).rejects.toBeInstanceOf(EventNotPlainJson);
      await expect(attempt).rejects.toThrow(/Event B is not plain JSON: data/);
      expect(await store.readStream(s)).toEqual([]);
    });

    it('refuses a payload that refers to itself', async () => {
      const loop: Record<string, unknown> = { a: 1 };
      loop.self = loop;
      await expect(store.append(stream(), [event('A', loop as JsonObject)], any)).rejects.toBeInstanceOf(EventNotPlainJson);
    });

    it('takes an object without a prototype, as JSON.parse with a reviver may give', async () => {
      const s = stream();
      const bare = Object.assign(Object.create(null) as JsonObject, { n: 1 });
      await store.append(s, [event('A', bare)], any);
      expect((await store.readStream(s)).map((e) => e.data)).toEqual([{ n: 1 }]);
      expect(await verifyStreams(store, [s])).toBeUndefined();
    });

    it('the hash chain names an event altered behind the store', async () => {
      const s = stream();
      await store.append(s, [event('A', { n: 1 }), event('B', { n: 2 }), event('C', { n: 3 })], any);
      expect(await verifyStreams(store, [s])).toBeUndefined();
      const flagged = (await fx.tamper(s, 1, { n: 20 })) ?? 1;
      const bad = await verifyStreams(store, [s]);
      expect(bad).toMatchObject({ stream: s, revision: flagged });
      expect(bad?.reason).toMatch(/altered/);
    });

    it('verifies the whole log', async () => {
      const report = await verifyLog(store);
      expect(report.eventsChecked).toBeGreaterThan(0);
      // Earlier tests in this file tampered with their streams on purpose.
      if (!report.ok) expect(report.firstBad?.stream).toMatch(/^test-/);
    });
  });
}

function comparePositions(a: LogPosition, b: LogPosition): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

async function verifyStreams(store: EventStore, streams: string[]) {
  const report = await verifyLog(store, (e) => streams.includes(e.stream));
  return report.firstBad;
}

import { performance } from "node:perf_hooks";
import {
  type EventStore,
  LOG_START,
  type LogPosition,
  type ReadSideEvent,
} from "../../src/event-store/event-store.port";
import { PostgresEventStore } from "../../src/event-store/postgres/postgres-event-store";
import {
  MIN_READ_GAP_MS,
  pollingSubscription,
} from "../../src/event-store/polling-subscription";
import { systemClock } from "../../src/shared/clock";
import { eventually } from "../support/eventually";
import {
  createTestDatabase,
  type TestDatabase,
} from "../support/test-database";

const writer = { actor: { subject: "writer", role: "board" as const } };

describe("pollingSubscription under a steady stream of commits", () => {
  let db: TestDatabase;
  let store: PostgresEventStore;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, systemClock, 64 * 1024);
  });

  afterAll(async () => {
    await db.drop();
  });

  /** A subscription whose reads are counted and whose commit announcements the test makes. */
  function watched(after: LogPosition, readGapMs?: number) {
    const watch = { reads: 0, seen: [] as ReadSideEvent[], announce: (): void => undefined };
    const counted: Pick<EventStore, "readAllForProjections"> = {
      readAllForProjections(options) {
        watch.reads += 1;
        return store.readAllForProjections(options);
      },
    };
    const subscription = pollingSubscription(
      counted,
      {
        after,
        batchSize: 500,
        readGapMs,
        onBatch: (events) => {
          watch.seen.push(...events);
          return Promise.resolve();
        },
        onError: (error) => {
          throw error;
        },
      },
      (wake) => {
        watch.announce = wake;
        return Promise.resolve(() => Promise.resolve());
      },
    );
    return { watch, subscription };
  }

  it("reads at most once per gap however many commits wake it, and misses none of them", async () => {
    const { watch, subscription } = watched(LOG_START);
    await eventually(() => Promise.resolve(watch.reads === 1));

    const commits = 40;
    const start = performance.now();
    for (let i = 0; i < commits; i += 1) {
      await store.append(`gap-${i}`, [{ type: "Tick", data: { i } }], {
        ...writer,
        expectedRevision: "no_stream",
      });
      watch.announce();
    }
    const writing = performance.now() - start;
    await eventually(() => Promise.resolve(watch.seen.length === commits));
    expect(watch.seen.map((e) => e.stream)).toEqual(
      Array.from({ length: commits }, (_, i) => `gap-${i}`),
    );
    await subscription.stop();

    // One read per commit without the gap; with it, one per gap the writing lasted (and the last one).
    expect(watch.reads - 1).toBeLessThanOrEqual(
      Math.ceil(writing / MIN_READ_GAP_MS) + 2,
    );
    expect(watch.reads - 1).toBeLessThan(commits / 2);
  });
  it("reads a commit announced while the last batch was being handled without waiting for the idle poll", async () => {
    let announce: () => void = () => undefined;
    const seen: ReadSideEvent[] = [];
    let announcedAt = 0;
    let seenAt = 0;
    const subscription = pollingSubscription(
      store,
      {
        after: await store.headPosition(),
        batchSize: 500,
        onBatch: async (events) => {
          seen.push(...events);
          if (seen.length === 1) {
            // A commit lands, and is announced, while this batch is still being handled.
            await store.append(
              "late-commit",
              [{ type: "Tick", data: { i: 1 } }],
              { ...writer, expectedRevision: "no_stream" },
            );
            announcedAt = performance.now();
            announce();
          } else seenAt = performance.now();
        },
        onError: (error) => {
          throw error;
        },
      },
      (wake) => {
        announce = wake;
        return Promise.resolve(() => Promise.resolve());
      },
    );
    await store.append("first-commit", [{ type: "Tick", data: { i: 0 } }], {
      ...writer,
      expectedRevision: "no_stream",
    });
    announce();
    await eventually(() => Promise.resolve(seen.length === 2));
    await subscription.stop();

    expect(seen.map((e) => e.stream)).toEqual(["first-commit", "late-commit"]);
    // Lost, the announcement would leave the commit to the idle poll, 500 ms later.
    expect(seenAt - announcedAt).toBeLessThan(400);
  });
  it("takes the gap it is given between reads under a stream of commits, and `hurry` cuts it short for a reader", async () => {
    // A gap longer than the test waits: a read inside it is the hurry's doing.
    const { watch, subscription } = watched(await store.headPosition(), 60_000);
    const commit = async (stream: string) => {
      await store.append(stream, [{ type: "Tick", data: { i: 0 } }], { ...writer, expectedRevision: "no_stream" });
      watch.announce();
    };
    // The first read (at start) found nothing; a commit now falls in the gap after it.
    await eventually(() => Promise.resolve(watch.reads > 0));
    await commit("hurry-1");
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(watch.seen).toEqual([]);

    const hurriedAt = performance.now();
    subscription.hurry();
    await eventually(() => Promise.resolve(watch.seen.length === 1));
    expect(performance.now() - hurriedAt).toBeLessThan(400);

    // A hurry lasts for one read: the next commit waits out the gap again.
    await commit("hurry-2");
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(watch.seen.map((e) => e.stream)).toEqual(["hurry-1"]);
    subscription.hurry();
    await eventually(() => Promise.resolve(watch.seen.length === 2));
    expect(watch.seen.map((e) => e.stream)).toEqual(["hurry-1", "hurry-2"]);
    await subscription.stop();
  });
});

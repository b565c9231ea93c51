import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EventStoreDbEventStore } from '../../src/event-store/eventstoredb/eventstoredb-event-store';
import { systemClock } from '../../src/shared/clock';
import { eventStoreContract } from '../event-store.contract';

// test/jest.config.js runs this file only when EVENTSTORE_CONNECTION_STRING names a server.
const connectionString = process.env.EVENTSTORE_CONNECTION_STRING ?? '';
const MAX_EVENT_BYTES = 64 * 1024;
let store: EventStoreDbEventStore;
let raw: EventStoreDBClient;

eventStoreContract(
  'EventStoreDB',
  () => {
    store = EventStoreDbEventStore.connect(connectionString, systemClock, MAX_EVENT_BYTES);
    raw = EventStoreDBClient.connectionString(connectionString);
    return Promise.resolve({
      store,
      maxEventBytes: MAX_EVENT_BYTES,
      // ESDB's single writer assigns log positions in commit order, so an event can never appear
      // behind one a reader has already passed: the late commit cannot be staged, only appended late.
      beginLateAppend(stream, events) {
        return Promise.resolve({
          async commit() {
            await store.append(stream, events, { expectedRevision: 'any', actor: { subject: 'late', role: 'board' } });
          },
        });
      },
      // ESDB cannot change a recorded event, so someone with raw access forges by appending, behind the
      // adapter, a copy of the event with other data, its hash kept and prevHash relinked to the tip
      // so the stream still reads as one chain. The verifier must name the forged copy.
      async tamper(stream, revision, data) {
        const events = [];
        for await (const { event } of raw.readStream(stream)) if (event) events.push(event);
        const original = events.find((e) => e.revision === BigInt(revision));
        const last = events[events.length - 1];
        if (!original || !isRecord(original.metadata) || !isRecord(last.metadata)) {
          throw new Error(`No ledger event at ${stream}@${revision} to tamper with`);
        }
        await raw.appendToStream(
          stream,
          jsonEvent({ type: original.type, data, metadata: { ...original.metadata, prevHash: last.metadata.hash } }),
          { expectedRevision: last.revision },
        );
        return Number(last.revision) + 1;
      },
    });
  },
  async () => {
    await raw.dispose();
    await store.close();
  },
);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

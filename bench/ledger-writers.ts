import type { EventStore } from '../src/event-store/event-store.port';
import type { Actor } from '../src/shared/actor';
import type { DatasetGroup } from './ledger-dataset';

const ACTOR: Actor = { subject: 'bench', role: 'board', province: '31' };

/**
 * Writes the dataset's groups with up to `writers` store calls in flight, each group one
 * appendMany (one transaction). A barrier group waits for everything before it and holds back
 * everything after it: a project's units must exist before any allocation of them is read, and
 * concurrent writers would otherwise commit a file's allocation before the unit's release.
 * Stops taking new groups once `stop()` says so; returns the events written.
 */
export async function writeGroups(
  store: Pick<EventStore, 'appendMany'>,
  groups: Iterator<DatasetGroup, void, void>,
  writers: number,
  onWritten: (events: number) => void,
  stop: () => boolean = () => false,
): Promise<number> {
  let written = 0;
  const write = async (group: DatasetGroup): Promise<void> => {
    const result = await store.appendMany(group.appends, { actor: ACTOR });
    written += result.events.length;
    onWritten(written);
  };
  const inFlight = new Set<Promise<void>>();
  for (let next = groups.next(); !next.done && !stop(); next = groups.next()) {
    const group = next.value;
    if (group.barrier) {
      await Promise.all(inFlight);
      await write(group);
      continue;
    }
    while (inFlight.size >= writers) await Promise.race(inFlight);
    const pending: Promise<void> = write(group).finally(() => inFlight.delete(pending));
    inFlight.add(pending);
  }
  await Promise.all(inFlight);
  return written;
}

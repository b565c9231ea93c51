import { isBefore, type HashesPage, type LogPosition, type StoredEvent } from '../event-store.port';

const HASH_CHARS = 64;
/** Bytes per event in `positions`: its transaction id and global position, 8 each, big-endian (xid8send, int8send). */
export const POSITION_BYTES = 16;

/**
 * A HashesPage as PostgreSQL sends it in one row: the hashes end to end, the positions packed
 * in binary, and the few whole events. Nothing is built per event until it is asked for.
 */
export class PackedHashesPage implements HashesPage {
  readonly length: number;
  readonly whole: readonly { index: number; event: StoredEvent }[];
  readonly next: LogPosition;

  /** `hashes`: every hash of 64 characters, end to end, or one string per event when some are not. */
  constructor(
    private readonly positions: Buffer,
    private readonly hashes: string | readonly string[],
    wholeEvents: readonly StoredEvent[],
    after: LogPosition,
  ) {
    this.length = positions.length / POSITION_BYTES;
    this.next = this.length > 0 ? this.position(this.length - 1) : after;
    this.whole = wholeEvents.map((event) => ({ index: this.indexOf(event.position), event })).sort((a, b) => a.index - b.index);
  }

  hash(i: number): string {
    return typeof this.hashes === 'string' ? this.hashes.slice(i * HASH_CHARS, (i + 1) * HASH_CHARS) : this.hashes[i];
  }

  position(i: number): LogPosition {
    return { commit: this.positions.readBigUInt64BE(i * POSITION_BYTES), prepare: this.positions.readBigInt64BE(i * POSITION_BYTES + 8) };
  }

  /** The page is in read order: a whole event is found by bisection. */
  private indexOf(position: LogPosition): number {
    let low = 0;
    let high = this.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const at = this.position(middle);
      if (isBefore(at, position)) low = middle + 1;
      else if (isBefore(position, at)) high = middle - 1;
      else return middle;
    }
    throw new Error(`event at ${position.commit}/${position.prepare} is not in the page`);
  }
}

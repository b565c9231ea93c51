import type { LogPosition } from '../event-store/event-store.port';

/** Writes answer with it; a read sent with it waits until the read models have passed that position. */
export const LOG_POSITION_HEADER = 'x-ledger-position';

export const formatPosition = (p: LogPosition): string => `${p.commit}/${p.prepare}`;

/** `commit/prepare`, two whole numbers; null for anything else. */
export function parsePosition(value: string): LogPosition | null {
  const match = /^(\d{1,20})\/(\d{1,20})$/.exec(value);
  return match ? { commit: BigInt(match[1]), prepare: BigInt(match[2]) } : null;
}

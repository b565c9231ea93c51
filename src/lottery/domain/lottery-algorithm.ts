import { createHash, createHmac } from 'node:crypto';

/**
 * The draw as API.md "Lottery (bốc thăm) anyone can replay" fixes it, byte for byte: outsiders
 * re-implement exactly this, so nothing here may change (test/lottery/lottery-vectors.test.ts pins it).
 * No I/O and no imports but node:crypto, so `noxh lottery verify` runs it with no database.
 */

/** A seed is 32 bytes, written as 64 hex digits (either case; kept lower-case). */
export const SEED_HEX = /^[0-9a-fA-F]{64}$/;

export interface DrawnRank {
  rank: number;
  applicationId: string;
  score: string;
}

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** The commitment to a seed: hex SHA-256 over its 32 raw bytes (not over its hex text). */
export function commitmentOf(seedHex: string): string {
  if (!SEED_HEX.test(seedHex)) throw new RangeError('a seed is 64 hex digits (32 bytes)');
  return sha256Hex(Buffer.from(seedHex, 'hex'));
}

/** Ids in the byte order of their UTF-8 (what "sorted by id" means for every implementation). */
export function sortIds(ids: readonly string[]): string[] {
  return [...ids].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
}

/** hex SHA-256 of the entrants' ids joined by "\n" (no trailing newline), in the order given. */
export const entrantsHashOf = (entrants: readonly string[]): string => sha256Hex(Buffer.from(entrants.join('\n'), 'utf8'));

/** hex HMAC-SHA256, key = the seed's bytes, message = UTF-8 of `beacon + "\n" + applicationId`. */
export function scoreOf(seedHex: string, beacon: string, applicationId: string): string {
  if (!SEED_HEX.test(seedHex)) throw new RangeError('a seed is 64 hex digits (32 bytes)');
  return createHmac('sha256', Buffer.from(seedHex, 'hex')).update(Buffer.from(`${beacon}\n${applicationId}`, 'utf8')).digest('hex');
}

/**
 * The entrants by score ascending, rank 1 first. Scores are lower-case hex of equal length, so
 * text order is numeric order; a tie (a SHA-256 collision in practice) would go by id, so the
 * ranking is a function of its inputs whatever the sort.
 */
export function rankEntrants(seedHex: string, beacon: string, entrants: readonly string[]): DrawnRank[] {
  return entrants
    .map((applicationId) => ({ applicationId, score: scoreOf(seedHex, beacon, applicationId) }))
    .sort((x, y) => (x.score < y.score ? -1 : x.score > y.score ? 1 : Buffer.compare(Buffer.from(x.applicationId), Buffer.from(y.applicationId))))
    .map((r, i) => ({ rank: i + 1, applicationId: r.applicationId, score: r.score }));
}

import { eventLeafHash } from './merkle-hash';
import type { Sql } from './sql';
import type { LeafRange } from './tree-ranges';

/**
 * Leaves per `merkle_batches` row. A row says "leaves first_leaf… are the events after
 * (after_tx, after_position) up to (last_tx, last_position) in read order", so nothing is stored
 * per leaf: a leaf's hash is its event's. Finding a leaf inside a row walks the events' read-order
 * index over at most this many entries, each visiting the heap while its pages are not yet
 * all-visible (fresh events): with 1,024 each of an inclusion proof's two queries took ~0.5 ms
 * more than the old layout's at 100k events, with 256 about the same. Rows start at multiples of it.
 * It may grow but never shrink: the readers walk at most this many events of a row, and rows
 * already written (migration 1763900000152's too) hold up to 256.
 */
export const MERKLE_BATCH_LEAVES = 256;

/**
 * Every walk of the events' read-order index below ends at a LIMIT of this constant (no row holds
 * more leaves): told nothing else, the planner guesses a third of the log per bound and, before
 * the heap is all-visible, scanned all of it instead (0.4-1.2 s for 6% of the proofs just after
 * 1M events were written, bench: npm run bench -- checkpoints).
 */
const WALK = `ORDER BY tx_id, global_position LIMIT ${MERKLE_BATCH_LEAVES}`;

/**
 * The event's leaf index, as a scalar subquery over `e` (the event's row): the row whose range
 * holds it, plus the events of that range before it. Null when the tree has not reached it. Rows
 * tile the log from its start, so the first one ending at or after the event also starts before it.
 */
export const LEAF_INDEX_OF_E = `(SELECT b.first_leaf + (SELECT count(*) FROM (SELECT 1 FROM events
      WHERE (tx_id, global_position) > (b.after_tx, b.after_position) AND (tx_id, global_position) < (e.tx_id, e.global_position) ${WALK}) before)
  FROM merkle_batches b WHERE (b.last_tx, b.last_position) >= (e.tx_id, e.global_position)
  ORDER BY b.last_tx, b.last_position LIMIT 1)`;

/**
 * The leaves of the ranges [$S[i], $E[i]) as (leaf, hash): the event's hex hash, not yet hashed as
 * a leaf. Each range is read from every row it overlaps: the events after the row's start in read
 * order, skipped to the range's start on the index alone and cut at the row's end by the LIMIT
 * (no upper bound to plan for), then their hashes by primary key (a
 * subquery, not a join: the planner, not knowing the LIMIT, would hash the whole log).
 * A leaf the tree does not have yet is absent.
 */
export function leavesOfRanges(starts: string, ends: string): string {
  return `SELECT p.leaf, (SELECT hash FROM events WHERE global_position = p.global_position) AS hash FROM unnest(${starts}::bigint[], ${ends}::bigint[]) AS w(s, e)
     CROSS JOIN LATERAL (SELECT * FROM merkle_batches
       WHERE first_leaf < w.e AND first_leaf >= (SELECT max(first_leaf) FROM merkle_batches WHERE first_leaf <= w.s)) b
     CROSS JOIN LATERAL (SELECT greatest(w.s, b.first_leaf) - 1 + row_number() OVER (ORDER BY r.tx_id, r.global_position) AS leaf, r.global_position
       FROM (SELECT * FROM (SELECT tx_id, global_position FROM events WHERE (tx_id, global_position) > (b.after_tx, b.after_position) ${WALK}) whole
         OFFSET greatest(w.s - b.first_leaf, 0) LIMIT least(w.e, b.first_leaf + b.leaves) - greatest(w.s, b.first_leaf)) r) p`;
}

/** The parameters of leavesOfRanges, overlapping and touching ranges merged so each row is walked once. */
export function rangeParameters(ranges: LeafRange[]): [string[], string[]] {
  const merged: LeafRange[] = [];
  for (const range of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return [merged.map((r) => String(r.start)), merged.map((r) => String(r.end))];
}

/** The leaf hashes of these ranges, by leaf index. */
export async function leafHashes(db: Sql, ranges: LeafRange[]): Promise<Map<number, Buffer>> {
  const rows = (await db.query(leavesOfRanges('$1', '$2'), rangeParameters(ranges))) as { leaf: string; hash: string }[];
  return new Map(rows.map((r) => [Number(r.leaf), eventLeafHash(r.hash)]));
}

/**
 * Whether every event written so far is a leaf: the newest in read order is not after the tree's
 * last leaf. The newest is one backward step of the read-order index; asked as "no event lies
 * after the last leaf" (NOT EXISTS), the planner scanned the whole table in the hope of finding one
 * early and found none: 100-124 ms a call at ~250k events, and the live checkpointer polls this
 * every 100 ms while an export waits for the tree, and the bench after each round.
 */
export async function everyEventIsALeaf(db: Sql): Promise<boolean> {
  const [{ current }] = (await db.query(
    `SELECT NOT EXISTS (SELECT 1 FROM (SELECT tx_id, global_position FROM events ORDER BY tx_id DESC, global_position DESC LIMIT 1) newest
       WHERE (newest.tx_id, newest.global_position) > (
         coalesce((SELECT last_tx FROM merkle_batches ORDER BY first_leaf DESC LIMIT 1), '0'::xid8),
         coalesce((SELECT last_position FROM merkle_batches ORDER BY first_leaf DESC LIMIT 1), 0))) AS current`,
  )) as { current: boolean }[];
  return current;
}

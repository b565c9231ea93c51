/**
 * Rows of the ledger projection's large tables (files, people, units, claims, police checks) kept in
 * memory by default, about 1 KiB of heap each: `PROJECTION_MAX_ROWS` (src/config) overrides it. Past it
 * the projection drops them and reads back what each batch names, which now costs about what keeping
 * them does (1M-event bench log: 87.5 s with 50,000 rows against 80.6 s whole, flat from the first
 * quarter to the last, peak RSS 694 MiB against 2,204), because the identity blocks stay whole in a
 * compact index and a batch's reads overlap the last batch's commit. So memory is bounded by default:
 * a ledger of about 100,000 events stays whole, a province's millions do not grow the heap with them.
 */
export const DEFAULT_MAX_RESIDENT_ROWS = 100_000;

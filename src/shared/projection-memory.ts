/**
 * Rows of the ledger projection's large tables (files, people, units, claims, police checks) kept in
 * memory by default, about 1 KiB of heap each: `PROJECTION_MAX_ROWS` (src/config) overrides it. Past it
 * the projection drops them and reads back what each batch names, which costs several times the CPU
 * per event (1M-event bench data with 150,000 rows: 513 s of Node CPU; whole, 8.0 s at 100k), so the
 * default keeps a ledger of a few million events whole and only bounds what a province's full history
 * could otherwise grow to.
 */
export const DEFAULT_MAX_RESIDENT_ROWS = 2_000_000;

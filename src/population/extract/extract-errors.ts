import type { RowError } from './fields';

/** The file is not an extract of this kind: nothing was written. */
export class ExtractHeaderMismatch extends Error {
  constructor(expected: readonly string[], found: readonly string[] | undefined) {
    super(
      found === undefined
        ? `the file is empty: expected the header "${expected.join(',')}"`
        : `line 1: header must be exactly "${expected.join(',')}", found "${found.join(',')}"`,
    );
    this.name = 'ExtractHeaderMismatch';
  }
}

/**
 * Every row was rejected (or there were none): importing would make an empty snapshot the
 * registry everyone is checked against, so nothing was written.
 */
export class ExtractWithoutRows extends Error {
  constructor(
    readonly rejected: number,
    readonly errors: RowError[],
  ) {
    super(rejected === 0 ? 'the file has no rows: nothing imported' : `all ${rejected} rows were rejected: nothing imported`);
    this.name = 'ExtractWithoutRows';
  }
}

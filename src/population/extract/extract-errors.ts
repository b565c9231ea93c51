import type { RowError } from './fields';

/** The file is not an extract of this kind: nothing was written. `message` is English, `messageVi` the operator's. */
export class ExtractHeaderMismatch extends Error {
  constructor(
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'ExtractHeaderMismatch';
  }
}

/**
 * Every row was rejected (or there were none): importing would make an empty snapshot the
 * registry everyone is checked against, so nothing was written.
 */
export class ExtractWithoutRows extends Error {
  readonly messageVi: string;

  constructor(
    readonly rejected: number,
    readonly errors: RowError[],
  ) {
    super(rejected === 0 ? 'the file has no rows: nothing imported' : `all ${rejected} rows were rejected: nothing imported`);
    this.messageVi = rejected === 0 ? 'tệp không có dòng dữ liệu nào: không nhập gì' : `cả ${rejected} dòng đều bị từ chối: không nhập gì`;
    this.name = 'ExtractWithoutRows';
  }
}

import { expect } from '@jest/globals';
import { vietnameseUsageError } from './commander-vi';

describe("commander's usage errors in Vietnamese", () => {
  it.each([
    ["error: required option '--format <format>' not specified\n", "lỗi: chưa có tùy chọn bắt buộc '--format <format>'"],
    ["error: missing required argument 'file'", "lỗi: thiếu tham số bắt buộc 'file'"],
    ["error: option '--out <file>' argument missing", "lỗi: tùy chọn '--out <file>' thiếu giá trị"],
    ["error: unknown option '--bogus'", "lỗi: không có tùy chọn '--bogus'"],
    ["error: unknown command 'verif'\n(Did you mean verify?)", "lỗi: không có lệnh 'verif'\n(có phải là verify?)"],
    ['error: too many arguments for \'rotate\'. Expected 0 arguments but got 1.', 'lỗi: thừa tham số'],
    ["error: option '--seed <s>' argument 'x' is invalid. --seed: một số nguyên", "lỗi: giá trị 'x' của tùy chọn '--seed <s>' không hợp lệ: --seed: một số nguyên"],
  ])('%j', (english, vietnamese) => {
    expect(vietnameseUsageError(english)).toBe(vietnamese);
  });

  it('leaves a wording it does not know as commander wrote it', () => {
    expect(vietnameseUsageError("error: option '--a' cannot be used with option '--b'")).toBe("error: option '--a' cannot be used with option '--b'");
  });
});

import { expect } from '@jest/globals';
import { ProjectNotFound } from '../allocation/domain/allocation.errors';
import { ConfigError } from '../config/config-error';
import { CliFailure } from './cli-failure';
import { failureLine } from './failure-line';

const systemError = (code: string, fields: Record<string, unknown>): Error => Object.assign(new Error(`${code}: English`), { code, ...fields });

describe('the one line noxh prints for a failed command', () => {
  it('a ledger refusal: its code, the board’s Vietnamese, the English with its ids', () => {
    expect(failureLine(new ProjectNotFound('nope'))).toBe('PROJECT_NOT_FOUND: Không tìm thấy dự án (Project nope is not registered)');
  });

  it('an error that carries its Vietnamese says it', () => {
    expect(failureLine(new CliFailure('tệp x không phải điểm kiểm tra'))).toBe('tệp x không phải điểm kiểm tra');
    expect(failureLine(new ConfigError('PORT phải là số', 'PORT must be a number'))).toBe('PORT phải là số (PORT must be a number)');
  });

  it('a file names its path; a connection its host, also behind fetch’s "fetch failed" and pg’s AggregateError', () => {
    expect(failureLine(systemError('EACCES', { syscall: 'open', path: '/k.pem' }))).toBe('tệp /k.pem: không có quyền truy cập (EACCES)');
    const refused = systemError('ECONNREFUSED', { syscall: 'connect', address: '127.0.0.1', port: 5432 });
    expect(failureLine(new TypeError('fetch failed', { cause: refused }))).toBe('không kết nối được tới 127.0.0.1:5432: bị từ chối kết nối (ECONNREFUSED)');
    expect(failureLine(new AggregateError([refused], ''))).toBe('không kết nối được tới 127.0.0.1:5432: bị từ chối kết nối (ECONNREFUSED)');
  });

  it('anything else is unexpected: its first line, never its stack', () => {
    const error = new RangeError('boom\nsecond line');
    expect(failureLine(error)).toBe('lỗi ngoài dự kiến (RangeError): boom');
    expect(failureLine(Object.assign(new Error('relation "x" does not exist'), { severity: 'ERROR', code: '42P01' }))).toBe('cơ sở dữ liệu từ chối (SQLSTATE 42P01): relation "x" does not exist');
    expect(failureLine('thrown text')).toBe('lỗi ngoài dự kiến: thrown text');
  });
});

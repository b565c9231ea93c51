import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatShare, formatVnd, shortHash } from '../lib/format';

describe('Vietnamese formats', () => {
  it('writes calendar days and instants as DD/MM/YYYY, instants in UTC+7', () => {
    expect(formatDate('2026-11-23')).toBe('23/11/2026');
    expect(formatDate('2026-11-23T18:30:00.000Z')).toBe('24/11/2026');
    expect(formatDateTime('2026-11-23T08:05:00.000Z')).toBe('23/11/2026 15:05');
    expect(formatDate(null)).toBe('—');
  });

  it('writes amounts with dots between thousands and the dong sign', () => {
    expect(formatVnd(12_000_000)).toBe('12.000.000 ₫');
    expect(formatVnd('1200000000')).toBe('1.200.000.000 ₫');
    expect(formatVnd(0)).toBe('0 ₫');
    expect(formatNumber(15400)).toBe('15.400');
    expect(formatNumber(-18100)).toBe('-18.100');
  });

  it('writes shares with a decimal comma and shortens hashes', () => {
    expect(formatShare(0.4237)).toBe('42,37%');
    expect(formatShare(1 / 18_100)).toBe('0,01%');
    expect(formatShare(0)).toBe('0%');
    expect(shortHash('a'.repeat(64), 8)).toBe('aaaaaaaa…');
  });
});

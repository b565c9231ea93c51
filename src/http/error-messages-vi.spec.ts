import { expect } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_MESSAGES_VI, errorMessageVi } from './error-messages-vi';

/**
 * Every `readonly code = '…'` (an error class) and `code: '…'` (an HTTP-layer refusal naming itself)
 * in src (jest runs from the repository root): a new code without a Vietnamese line fails here.
 */
function codesInSource(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return codesInSource(path);
    if (!entry.name.endsWith('.ts') || entry.name.endsWith('.spec.ts')) return [];
    return [...readFileSync(path, 'utf8').matchAll(/(?:readonly code = |\bcode: )'([A-Z_]+)'/g)].map((match) => match[1]);
  });
}

describe('Vietnamese error messages', () => {
  const codes = [...new Set(codesInSource(join(process.cwd(), 'src')))].sort();

  it('finds the error codes of the codebase (the grep still works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['UNIT_ALREADY_ALLOCATED', 'ALREADY_BENEFICIARY', 'CONCURRENCY_CONFLICT']));
    expect(codes.length).toBeGreaterThan(40);
  });

  it('has a Vietnamese line for every code', () => {
    expect(codes.filter((code) => ERROR_MESSAGES_VI[code] === undefined)).toEqual([]);
  });

  it('names no code that no error raises (a stale line misleads the next reader)', () => {
    expect(Object.keys(ERROR_MESSAGES_VI).filter((code) => !codes.includes(code))).toEqual([]);
  });

  it('finds the codes the HTTP layer names in object literals', () => {
    expect(codes).toEqual(expect.arrayContaining(['PROJECTION_LAGGING', 'RATE_LIMITED', 'REGISTRY_UNAVAILABLE']));
  });

  it('fills placeholders from the details and keeps the English for an unknown code', () => {
    expect(errorMessageVi('INVALID_FIGURE', 'x', { field: 'landAreaM2', value: -1 })).toBe("Số liệu 'landAreaM2' không hợp lệ: -1");
    expect(errorMessageVi('NO_SUCH_CODE', 'English')).toBe('English');
  });
});

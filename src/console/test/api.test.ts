import { describe, expect, it, vi } from 'vitest';
import { ApiError, queryString, request } from '../lib/api';
import { errorText } from '../components/status';
import { translate } from '../lib/i18n';
import { match } from '../lib/router';

const t = (k: string, p?: Record<string, string | number>) => translate('vi', k, p);

describe('API client', () => {
  it('builds query strings from the set filters only', () => {
    expect(queryString({ detector: 'backdating', province: '', status: undefined, page: 2 })).toBe('?detector=backdating&page=2');
    expect(queryString({})).toBe('');
  });

  it('sends the token and JSON, and turns an error answer into an ApiError with its lines', async () => {
    const fetcher = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ statusCode: 400, message: ['note should not be empty'] }), { status: 400 })));
    const error = await request('/api/v1/x', { method: 'POST', body: { a: 1 }, token: 'tok' }, fetcher as unknown as typeof fetch).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).details).toEqual(['note should not be empty']);
    const [, init] = fetcher.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ Authorization: 'Bearer tok', 'Content-Type': 'application/json' });
  });

  it('explains 401 and 403 in words', () => {
    expect(errorText(new ApiError(401, null), t).text).toMatch(/đăng nhập lại/);
    expect(errorText(new ApiError(403, { message: 'Role police may not do this' }), t).text).toMatch(/vai trò hoặc tỉnh/);
    expect(errorText(new ApiError(409, { code: 'CONCURRENCY_CONFLICT' }), t).text).toContain('CONCURRENCY_CONFLICT');
    expect(errorText(new TypeError('fetch failed'), t).text).toMatch(/kết nối/);
  });
});

describe('router and messages', () => {
  it('matches paths with parameters', () => {
    expect(match('/findings/:id', '/findings/dup-1')).toEqual({ id: 'dup-1' });
    expect(match('/findings/:id', '/findings')).toBeNull();
    expect(match('/people/:citizenId', '/people/031190001234/')).toEqual({ citizenId: '031190001234' });
  });

  it('speaks Vietnamese by default and English when asked, filling parameters', () => {
    expect(translate('vi', 'total', { n: 3 })).toBe('Tổng: 3');
    expect(translate('en', 'total', { n: 3 })).toBe('Total: 3');
    expect(translate('en', 'unknown-key')).toBe('unknown-key');
  });
});

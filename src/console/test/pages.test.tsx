import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { forgetApiPaths } from '../lib/features';
import { summarise } from '../pages/person';
import type { LoggedEvent } from '../lib/types';

const jwt = (claims: object) => `e30.${btoa(JSON.stringify(claims)).replace(/=+$/, '')}.sig`;
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const urlOf = (input: RequestInfo | URL) => (input instanceof Request ? input.url : String(input));
/** The JSON text the console sent (it sends strings only). */
function bodyOf(init: RequestInit | undefined): string {
  if (typeof init?.body !== 'string') throw new Error('no JSON body was sent');
  return init.body;
}
function element(selector: string): Element {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`no element matches ${selector}`);
  return found;
}

const finding = {
  id: 'duplicate-applicant-1', detector: 'duplicate-applicant', severity: 'high', provinceCode: '31', citizenIds: ['031190001234'], streams: [], evidence: [],
  summary: 'Hai hồ sơ của cùng một người', details: {}, status: 'open', firstSeenEventId: 'e', firstSeenPosition: '5/5', closedByEventId: null, review: null,
};

function serve(routes: Record<string, (init?: RequestInit) => Response>) {
  const fetcher = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = urlOf(input);
    const key = Object.keys(routes).find((k) => url.startsWith(k));
    return Promise.resolve(key ? routes[key](init) : json({ statusCode: 404 }, 404));
  });
  vi.stubGlobal('fetch', fetcher);
  return fetcher;
}

beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
  forgetApiPaths();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the console', () => {
  it('opens on the Vietnamese sign-in with a token input, and switches to English', () => {
    window.history.replaceState(null, '', '/');
    render(<App />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Đăng nhập bằng mã truy cập');
    expect(document.querySelector('input[name="token"]')).not.toBeNull();
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Sign in with an access token');
    expect(document.documentElement.lang).toBe('en');
  });

  it('explains a refused token in words and keeps nothing', async () => {
    window.history.replaceState(null, '', '/');
    serve({ '/api/v1/auth/me': () => json({ statusCode: 401, message: 'The bearer token is invalid or expired' }, 401) });
    render(<App />);
    fireEvent.change(element('input[name="token"]'), { target: { value: jwt({ sub: 'x', role: 'inspector' }) } });
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/hết hạn/);
    expect(sessionStorage.getItem('noxh-token')).toBeNull();
  });

  it('lists findings with data-finding-id, counts per detector and the filters in the URL', async () => {
    sessionStorage.setItem('noxh-token', jwt({ sub: 'tt', role: 'inspector' }));
    window.history.replaceState(null, '', '/findings?severity=high');
    const fetcher = serve({ '/api/v1/findings': () => json({ items: [finding], total: 1, page: 1, pageSize: 20, countsByDetector: { 'duplicate-applicant': 1 } }) });
    render(<App />);
    await waitFor(() => expect(document.querySelector('[data-finding-id="duplicate-applicant-1"]')).not.toBeNull());
    expect(urlOf(fetcher.mock.calls[0][0])).toContain('severity=high');
    expect(screen.getByRole('navigation', { name: 'Số phát hiện theo bộ phát hiện' }).textContent).toContain('Trùng người nộp hồ sơ');
    expect(screen.getByText('Chưa kết luận')).toBeTruthy();
  });

  it('says a public page is not there yet while the server does not document it, without a token', async () => {
    window.history.replaceState(null, '', '/public/projects/hp-01');
    const fetcher = serve({ '/docs-json': () => json({ paths: { '/api/v1/findings': {} } }) });
    render(<App />);
    expect((await screen.findByRole('note')).textContent).toMatch(/issue 11/);
    for (const [, init] of fetcher.mock.calls) expect((init?.headers as Record<string, string> | undefined)?.Authorization).toBeUndefined();
  });

  it('records a review and shows it once the finding is read again, the confirmation kept', async () => {
    sessionStorage.setItem('noxh-token', jwt({ sub: 'tt', role: 'inspector' }));
    window.history.replaceState(null, '', '/findings/duplicate-applicant-1');
    let review: unknown = null;
    const fetcher = serve({
      '/api/v1/findings/duplicate-applicant-1/review': (init) => {
        review = { ...JSON.parse(bodyOf(init)), reviewedBy: 'tt', reviewedAt: '2026-11-23T08:00:00.000Z', eventId: 'e1' };
        return json({ findingId: 'duplicate-applicant-1', ...(review as object) }, 201);
      },
      '/api/v1/findings/duplicate-applicant-1': () => json({ ...finding, review, evidenceEvents: [], unavailableEvidence: [] }),
      '/docs-json': () => json({ paths: {} }),
    });
    render(<App />);
    expect((await screen.findByTestId('current-review')).textContent).toBe('Chưa kết luận');
    fireEvent.click(screen.getByLabelText('Bác bỏ'));
    fireEvent.change(screen.getByLabelText('Ghi chú'), { target: { value: 'Hai người trùng tên' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi kết luận' }));
    await waitFor(() => expect(screen.getByTestId('current-review').textContent).toBe('Bác bỏ — Hai người trùng tên (tt, 23/11/2026 15:00)'));
    expect(screen.getByText('Đã ghi kết luận.')).toBeTruthy();
    const post = fetcher.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(bodyOf(post?.[1]))).toEqual({ verdict: 'dismissed', note: 'Hai người trùng tên' });
    expect(screen.getByTestId('evidence-bundle').textContent).toMatch(/issue 10/);
  });

  it('reads a person’s applications and live benefits off their events', () => {
    const e = (type: string, data: Record<string, unknown>, stream = 's') => ({ type, data, stream, metadata: {} }) as unknown as LoggedEvent;
    const { applications, benefits } = summarise([
      e('ApplicationSubmitted', { projectId: 'p1', submittedAt: '2026-01-02' }, 'application-a'),
      e('BenefitClaimed', { claimId: 'c1', projectId: 'p1', unitNo: 'A1' }),
      e('BenefitClaimed', { claimId: 'c2', projectId: 'p2', unitNo: 'B2' }),
      e('BenefitReleased', { claimId: 'c1' }),
    ]);
    expect(applications).toEqual([{ stream: 'application-a', projectId: 'p1', submittedAt: '2026-01-02' }]);
    expect(benefits.map((b) => [b.claimId, b.live])).toEqual([['c1', false], ['c2', true]]);
  });
});

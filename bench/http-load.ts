import autocannon from 'autocannon';
import type { PeopleFactory } from './ledger-people';

/** Hải Phòng, the bench board's province. */
const PROVINCE = '31';

/**
 * The n-th submission of a run: a married worker with a child, as a board types it in
 * (POST /api/v1/applications). Every request gets its own application id and three people from
 * `people`, each with a citizen id and a (name, birth day) pair nobody else has, as in a real
 * province, where namesakes born the same day are rare. (Drawn from small pools by n, 72% of the
 * people of a 6,000-request run shared their name and birth date with another: every request
 * raised an identity-conflict finding, and the projection's cost per request was that of a
 * finding, not of a submission.)
 */
export function submissionBody(prefix: string, projectId: string, n: number, people: PeopleFactory): Record<string, unknown> {
  const female = n % 2 === 0;
  return {
    id: `${prefix}-${n}`,
    projectId,
    tenure: n % 5 === 0 ? 'hire-purchase' : 'sale',
    applicant: people.person(PROVINCE, 1975 + (n % 25), female ? 'female' : 'male'),
    household: [
      people.member(PROVINCE, 1974 + (n % 25), female ? 'male' : 'female', 'spouse'),
      people.member(PROVINCE, 2010 + (n % 12), n % 3 === 0 ? 'female' : 'male', 'child'),
    ],
    category: 'worker',
    monthlyIncomeVnd: 12_000_000 + (n % 80) * 100_000,
    housing: { ownsHome: false },
    submittedAt: '2025-09-15T09:30:00+07:00',
    receivedBy: 'Phạm Thu Hà, Sở Xây dựng Hải Phòng',
  };
}

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Status codes other than 2xx, with their counts, e.g. "409×3". */
  statuses: string;
}

/**
 * `connections` clients, each with one request in flight (no pipelining), POSTing fresh bodies
 * for `seconds` to 127.0.0.1; `body()` makes each request's fresh body.
 */
export async function load(base: string, headers: Record<string, string>, connections: number, seconds: number, body: () => Record<string, unknown>): Promise<LoadResult> {
  const url = new URL(base);
  if (url.hostname !== '127.0.0.1') throw new Error(`the HTTP bench only loads 127.0.0.1 (got ${url.hostname})`);
  const result = await autocannon({
    url: base,
    connections,
    pipelining: 1,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        path: '/api/v1/applications',
        headers: { 'content-type': 'application/json', ...headers },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(body()) }),
      },
    ],
  });
  const statuses = Object.entries(result.statusCodeStats ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  const ok = result['2xx'];
  return {
    ok,
    failed: result.non2xx + result.errors + result.timeouts,
    seconds: result.duration,
    perSecond: ok / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statuses: [statuses, result.errors > 0 ? `errors×${result.errors}` : '', result.timeouts > 0 ? `timeouts×${result.timeouts}` : ''].filter(Boolean).join(' '),
  };
}

import autocannon from 'autocannon';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Thanh', 'Xuân'];
const GIVEN = ['Hùng', 'Hương', 'Lan', 'Tuấn', 'Dũng', 'Hà', 'Thảo', 'Phương', 'Khánh', 'Long', 'Nam', 'Trang', 'Yến'];

/**
 * The n-th submission of a run: a married worker with a child, as a board types it in
 * (POST /api/v1/applications). Every request gets its own application id and its own three
 * citizen ids, so nothing is refused as a duplicate and every request writes.
 */
export function submissionBody(prefix: string, projectId: string, n: number): Record<string, unknown> {
  const name = (k: number): string => `${FAMILY[k % FAMILY.length]} ${MIDDLE[(k >> 3) % MIDDLE.length]} ${GIVEN[(k >> 5) % GIVEN.length]}`;
  // 12 digits: province 031, then 9 digits of the person's sequence number (three people per file).
  const citizenId = (k: number): string => `031${String(k).padStart(9, '0')}`;
  const day = (year: number, k: number): string => `${year}-${String(1 + (k % 12)).padStart(2, '0')}-${String(1 + (k % 28)).padStart(2, '0')}`;
  return {
    id: `${prefix}-${n}`,
    projectId,
    tenure: n % 5 === 0 ? 'hire-purchase' : 'sale',
    applicant: { citizenId: citizenId(3 * n), fullName: name(n), dateOfBirth: day(1985 + (n % 15), n), gender: n % 2 === 0 ? 'female' : 'male' },
    household: [
      { citizenId: citizenId(3 * n + 1), fullName: name(n + 7), dateOfBirth: day(1984 + (n % 15), n + 3), gender: n % 2 === 0 ? 'male' : 'female', relation: 'spouse' },
      { citizenId: citizenId(3 * n + 2), fullName: name(n + 13), dateOfBirth: day(2012 + (n % 10), n + 5), relation: 'child' },
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

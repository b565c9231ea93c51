import type { DataSource } from 'typeorm';
import type { DetectorName } from '../../../projections/detectors';
import type { ReviewVerdict } from '../domain/finding.events';
import type { FindingView } from './finding.view';

/** Anything that runs SQL on the read-model database: the service's DataSource, or the CLI's. */
export type ReadModels = Pick<DataSource, 'query'>;

export interface FindingFilter {
  detector?: DetectorName;
  /** Province codes to keep; undefined: every province (and findings of none). */
  provinces?: string[];
  status?: 'open' | 'closed';
  severity?: 'low' | 'medium' | 'high';
  /** Findings naming this citizen id. */
  citizenId?: string;
}

interface FindingRow {
  id: string;
  detector: DetectorName;
  severity: string;
  province_code: string | null;
  citizen_ids: string[];
  streams: string[];
  evidence: { eventId: string; stream: string }[];
  summary: string;
  details: Record<string, unknown>;
  status: 'open' | 'closed';
  first_seen_event_id: string;
  first_seen_position: string;
  closed_by_event_id: string | null;
  closed_at_position: string | null;
  verdict: ReviewVerdict | null;
  note: string | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  review_event_id: string | null;
}

// The latest review of each finding, if any: reviews are facts, the last one is its status.
const SELECT = `
  SELECT f.id, f.detector, f.severity, f.province_code, f.citizen_ids, f.streams, f.evidence, f.summary, f.details, f.status,
         f.first_seen_event_id, f.first_seen_position, f.closed_by_event_id, f.closed_at_position,
         r.verdict, r.note, r.reviewed_by, r.reviewed_at, r.event_id AS review_event_id
  FROM findings f
  LEFT JOIN LATERAL (
    SELECT verdict, note, reviewed_by, reviewed_at, event_id FROM finding_reviews
    WHERE finding_id = f.id ORDER BY reviewed_at DESC, event_id DESC LIMIT 1
  ) r ON true`;

const WHERE = `WHERE ($1::text IS NULL OR f.detector = $1) AND ($2::text[] IS NULL OR f.province_code = ANY($2))
  AND ($3::text IS NULL OR f.status = $3) AND ($4::text IS NULL OR f.severity = $4) AND ($5::text IS NULL OR $5 = ANY(f.citizen_ids))`;

// Positions are "commit/prepare" text: compared as numbers, or 10 would sort before 9.
const ORDER = `ORDER BY split_part(f.first_seen_position, '/', 1)::numeric, split_part(f.first_seen_position, '/', 2)::numeric, f.id`;

const params = (filter: FindingFilter) => [filter.detector ?? null, filter.provinces ?? null, filter.status ?? null, filter.severity ?? null, filter.citizenId ?? null];

/** One page of the findings matching the filter, in the order the log first showed them, and how many match in all. */
export async function findingsPage(db: ReadModels, filter: FindingFilter, page: number, pageSize: number): Promise<{ items: FindingView[]; total: number }> {
  const rows = await db.query<FindingRow[]>(`${SELECT} ${WHERE} ${ORDER} LIMIT $6 OFFSET $7`, [...params(filter), pageSize, (page - 1) * pageSize]);
  const [{ total }] = await db.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM findings f ${WHERE}`, params(filter));
  return { items: rows.map(toView), total };
}

/** How many findings match the filter per detector, the detector filter left out (the console's tabs). */
export async function countsByDetector(db: ReadModels, filter: FindingFilter): Promise<Record<string, number>> {
  const rows = await db.query<{ detector: string; n: number }[]>(`SELECT f.detector, count(*)::int AS n FROM findings f ${WHERE} GROUP BY f.detector`, params({ ...filter, detector: undefined }));
  return Object.fromEntries(rows.map((r) => [r.detector, r.n]));
}

/** Every finding matching the filter, in log order (exports). */
export async function allFindings(db: ReadModels, filter: FindingFilter): Promise<FindingView[]> {
  return ((await db.query<FindingRow[]>(`${SELECT} ${WHERE} ${ORDER}`, params(filter)))).map(toView);
}

export async function findingById(db: ReadModels, id: string): Promise<FindingView | undefined> {
  const rows = await db.query<FindingRow[]>(`${SELECT} WHERE f.id = $1`, [id]);
  return rows[0] && toView(rows[0]);
}

function toView(row: FindingRow): FindingView {
  return {
    id: row.id,
    detector: row.detector,
    severity: row.severity,
    provinceCode: row.province_code,
    citizenIds: row.citizen_ids,
    streams: row.streams,
    evidence: row.evidence.map(({ eventId, stream }) => ({ eventId, stream })),
    summary: row.summary,
    details: row.details,
    status: row.status,
    firstSeenEventId: row.first_seen_event_id,
    firstSeenPosition: row.first_seen_position,
    closedByEventId: row.closed_by_event_id,
    closedAtPosition: row.closed_at_position,
    review:
      row.review_event_id && row.verdict && row.reviewed_at
        ? { verdict: row.verdict, note: row.note ?? '', reviewedBy: row.reviewed_by ?? '', reviewedAt: row.reviewed_at.toISOString(), eventId: row.review_event_id }
        : null,
  };
}

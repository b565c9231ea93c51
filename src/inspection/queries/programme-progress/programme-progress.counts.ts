import type { ReadModels } from '../../findings/finding-rows';

export interface ProvinceCounts {
  projects: number;
  plannedUnits: number;
  released: number;
  allocated: number;
  handedOver: number;
  /** Handed-over units by the year of their handover. */
  handedOverByYear: Map<number, number>;
  targets: Map<string, number>;
}

/** The read models' counts for each province code asked for (rm_projects, rm_units, rm_programme_targets). */
export async function countsByProvince(db: ReadModels, provinces: string[]): Promise<Map<string, ProvinceCounts>> {
  const counts = new Map<string, ProvinceCounts>(
    provinces.map((p) => [p, { projects: 0, plannedUnits: 0, released: 0, allocated: 0, handedOver: 0, handedOverByYear: new Map(), targets: new Map() }]),
  );
  const of = (code: string) => counts.get(code) as ProvinceCounts;
  const projects = await db.query<{ province_code: string; projects: number; planned: number }[]>(
    `SELECT province_code, count(*)::int AS projects, coalesce(sum(planned_units), 0)::int AS planned FROM rm_projects
     WHERE province_code = ANY($1) GROUP BY province_code`,
    [provinces],
  );
  for (const row of projects) Object.assign(of(row.province_code), { projects: row.projects, plannedUnits: row.planned });
  // Status is where each unit stands now: a unit returned to the investor counts as released only.
  const units = await db.query<{ province_code: string; released: number; allocated: number; handed_over: number }[]>(
    `SELECT province_code, count(*)::int AS released,
       count(*) FILTER (WHERE status IN ('allocated', 'handed-over'))::int AS allocated,
       count(*) FILTER (WHERE status = 'handed-over')::int AS handed_over
     FROM rm_units WHERE province_code = ANY($1) GROUP BY province_code`,
    [provinces],
  );
  for (const row of units) Object.assign(of(row.province_code), { released: row.released, allocated: row.allocated, handedOver: row.handed_over });
  const years = await db.query<{ province_code: string; year: number; n: number }[]>(
    `SELECT province_code, left(handed_over_at, 4)::int AS year, count(*)::int AS n FROM rm_units
     WHERE province_code = ANY($1) AND status = 'handed-over' AND handed_over_at ~ '^\\d{4}' GROUP BY 1, 2`,
    [provinces],
  );
  for (const row of years) of(row.province_code).handedOverByYear.set(row.year, row.n);
  const targets = await db.query<{
    province_code: string;
    period: string;
    units: number;
  }[]>('SELECT province_code, period, units FROM rm_programme_targets WHERE province_code = ANY($1)', [provinces]);
  for (const row of targets) of(row.province_code).targets.set(row.period, row.units);
  return counts;
}

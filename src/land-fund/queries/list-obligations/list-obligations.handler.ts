import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { provinceFilter } from '../../../inspection/province-scope';
import type { Actor } from '../../../shared/actor';
import type { LandFundObligationsView } from './list-obligations.view';

export class ListObligationsQuery extends Query<LandFundObligationsView> {
  constructor(
    readonly province: string | undefined,
    readonly actor: Actor,
  ) {
    super();
  }
}

interface Row {
  commercial_project_id: string; name: string; province_code: string; required_area_m2: string; handed_over_m2: string; paid_in_lieu_vnd: string;
  discharged: boolean; due_date: string; overdue_event_id: string | null; overdue_seen_at: string | null;
}

/** rm_land_fund as it stands: no personal data, so no read is recorded. */
@QueryHandler(ListObligationsQuery)
export class ListObligationsHandler implements IQueryHandler<ListObligationsQuery> {
  constructor(private readonly readModels: DataSource) {}

  async execute({ province, actor }: ListObligationsQuery): Promise<LandFundObligationsView> {
    const provinces = provinceFilter(actor, province) ?? null;
    const rows = await this.readModels.query<Row[]>(
      `SELECT commercial_project_id, name, province_code, required_area_m2::text, handed_over_m2::text, paid_in_lieu_vnd::text, discharged, due_date,
              overdue_event_id, overdue_seen_at
       FROM rm_land_fund WHERE ($1::text[] IS NULL OR province_code = ANY($1))
       ORDER BY (overdue_event_id IS NULL), due_date, commercial_project_id`,
      [provinces],
    );
    return {
      items: rows.map((r) => {
        const required = Number(r.required_area_m2);
        const handed = Number(r.handed_over_m2);
        return {
          commercialProjectId: r.commercial_project_id, name: r.name, provinceCode: r.province_code, requiredAreaM2: required, handedOverM2: handed,
          shortfallM2: r.discharged ? 0 : Math.max(0, required - handed), paidInLieuVnd: r.paid_in_lieu_vnd, discharged: r.discharged, dueDate: r.due_date,
          overdue: r.overdue_event_id !== null, overdueSeenAt: r.overdue_seen_at,
        };
      }),
    };
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../../../event-store/event-store.port';
import { recordPersonalDataRead } from '../../../inspection/personal-data/personal-data-reads';
import { assertReadable } from '../../../inspection/province-scope';
import type { Actor } from '../../../shared/actor';
import { CLOCK, type Clock } from '../../../shared/clock';
import { ProjectNotFound } from '../../domain/allocation.errors';
import type { ProjectApplicationView, ProjectOverviewView, ProjectUnitView } from './project-overview.view';

export class ProjectOverviewQuery extends Query<ProjectOverviewView> {
  constructor(
    readonly projectId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

interface ProjectRow { project_id: string; name: string; province_code: string; planned_units: number; released_units: number }
interface UnitRow {
  unit_no: string; floor_area_m2: number; tenure: string; price_vnd: string; status: string; allocation_id: string | null; application_id: string | null;
  citizen_id: string | null; allocated_at: string | null; handed_over_at: string | null; transfers: Record<string, unknown>[];
}
interface ApplicationRow {
  application_id: string; citizen_id: string; full_name: string; tenure: string; category: string; status: string; submitted_at: string;
  decision: { outcome?: string } | null; priority_rank: number | null; rank_method: string | null; unit_no: string | null;
}

/** Read models only (rm_projects, rm_units, rm_applications): the log stays the source, this is its current picture. */
@QueryHandler(ProjectOverviewQuery)
export class ProjectOverviewHandler implements IQueryHandler<ProjectOverviewQuery> {
  constructor(
    private readonly readModels: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ projectId, actor }: ProjectOverviewQuery): Promise<ProjectOverviewView> {
    const project = (await this.readModels.query<ProjectRow[]>(`SELECT project_id, name, province_code, planned_units, released_units FROM rm_projects WHERE project_id = $1`, [projectId])).at(0);
    if (!project) throw new ProjectNotFound(projectId);
    assertReadable(actor, project.province_code, { vi: 'dự án', en: 'a project' });
    const units = await this.readModels.query<UnitRow[]>(
      `SELECT unit_no, floor_area_m2, tenure, price_vnd::text AS price_vnd, status, allocation_id, application_id, citizen_id, allocated_at, handed_over_at, transfers
       FROM rm_units WHERE project_id = $1 ORDER BY unit_no`,
      [projectId],
    );
    const applications = await this.readModels.query<ApplicationRow[]>(
      `SELECT application_id, citizen_id, full_name, tenure, category, status, submitted_at, decision, priority_rank, rank_method, unit_no
       FROM rm_applications WHERE project_id = $1 ORDER BY priority_rank NULLS LAST, submitted_at, application_id`,
      [projectId],
    );
    await recordPersonalDataRead(this.store, this.clock, actor, {
      endpoint: 'GET /api/v1/projects/:id/overview',
      ids: [projectId],
      citizenIds: [...applications.map((a) => a.citizen_id), ...units.flatMap((u) => (u.citizen_id ? [u.citizen_id] : []))],
    });
    return {
      projectId: project.project_id,
      name: project.name,
      provinceCode: project.province_code,
      plannedUnits: project.planned_units,
      releasedUnits: project.released_units,
      units: units.map(toUnit),
      applications: applications.map(toApplication),
    };
  }
}

const toUnit = (u: UnitRow): ProjectUnitView => ({
  unitNo: u.unit_no, floorAreaM2: u.floor_area_m2, tenure: u.tenure, priceVnd: u.price_vnd, status: u.status, allocationId: u.allocation_id,
  applicationId: u.application_id, citizenId: u.citizen_id, allocatedAt: u.allocated_at, handedOverAt: u.handed_over_at, transfers: u.transfers,
});

const toApplication = (a: ApplicationRow): ProjectApplicationView => ({
  applicationId: a.application_id, citizenId: a.citizen_id, fullName: a.full_name, tenure: a.tenure, category: a.category, status: a.status,
  submittedAt: a.submitted_at, eligibility: a.decision?.outcome ?? null, priorityRank: a.priority_rank, rankMethod: a.rank_method, unitNo: a.unit_no,
});

import type { EntityManager } from 'typeorm';
import type { UnitReleased, UnitTransferred } from '../../../src/allocation/domain/unit.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';
import type { Detector, FindingDraft } from './sql-detector';
import { largeUnitsSummary, overAllocatedSummary, unitAreaSummary } from '../../../projections/detectors/summaries/over-allocation.summary';

/** Decree 100/2024 Art. 27: apartments of 25–70 m²; up to 10% of a project's units above 70 m², by at most 10%. */
const MIN_M2 = 25;
const STANDARD_MAX_M2 = 70;
const ABSOLUTE_MAX_M2 = 77;
const LARGE_SHARE_PERCENT = 10;

interface UnitRow {
  project_id: string;
  unit_no: string;
  province_code: string;
  floor_area_m2: number;
  release_event_id: string | null;
}

interface ProjectRow {
  province_code: string;
  name: string;
  planned_units: number;
  released_units: number;
  release_event_ids: string[];
  unreleased_allocations: { allocationId: string; unitNo: string; eventId: string; stream: string }[];
  allocated: number;
  large: number;
}

const unitKey = (projectId: string, unitNo: string) => `unit:${projectId}.${unitNo}`;
const projectKey = (projectId: string) => `project:${projectId}`;

async function unitFindings(projectId: string, unitNo: string, tx: EntityManager): Promise<FindingDraft[]> {
  const u = (await tx.query<UnitRow[]>(
    'SELECT project_id, unit_no, province_code, floor_area_m2, release_event_id FROM rm_units WHERE project_id = $1 AND unit_no = $2',
    [projectId, unitNo],
  )).at(0);
  if (!u || (u.floor_area_m2 >= MIN_M2 && u.floor_area_m2 <= ABSOLUTE_MAX_M2)) return [];
  const below = u.floor_area_m2 < MIN_M2;
  return [
    {
      discriminator: 'floor-area',
      severity: 'medium',
      provinceCode: u.province_code,
      citizenIds: [],
      evidence: u.release_event_id ? [{ eventId: u.release_event_id, stream: `unit-${projectId}.${unitNo}` }] : [],
      summary: unitAreaSummary({ unitNo: unitNo, projectId: projectId, floorAreaM2: u.floor_area_m2, below, minM2: MIN_M2, standardMaxM2: STANDARD_MAX_M2, absoluteMaxM2: ABSOLUTE_MAX_M2 }),
      details: { floorAreaM2: u.floor_area_m2, limit: below ? 'minimum' : 'maximum', limitM2: below ? MIN_M2 : ABSOLUTE_MAX_M2 },
    },
  ];
}

async function projectFindings(projectId: string, tx: EntityManager): Promise<FindingDraft[]> {
  const p = (await tx.query<ProjectRow[]>(
    `SELECT province_code, name, planned_units, released_units, release_event_ids, unreleased_allocations,
       (SELECT count(*) FROM rm_units u WHERE u.project_id = p.project_id AND u.allocation_id IS NOT NULL)::int AS allocated,
       (SELECT count(*) FROM rm_units u WHERE u.project_id = p.project_id AND u.floor_area_m2 > ${STANDARD_MAX_M2})::int AS large
     FROM rm_projects p WHERE project_id = $1`,
    [projectId],
  )).at(0);
  if (!p) return [];
  const drafts: FindingDraft[] = [];
  const live = p.allocated + p.unreleased_allocations.length;
  if (live > p.released_units) drafts.push(await overAllocated(projectId, p, live, tx));
  // The share is of the project's units as approved (planned); the write side refuses releases beyond them.
  const total = Math.max(p.planned_units, p.released_units);
  if (p.large * 100 > total * LARGE_SHARE_PERCENT) drafts.push(await tooManyLarge(projectId, p, total, tx));
  return drafts;
}

/**
 * Evidence: the project's release batches, every allocation of a unit it never released, then the
 * latest allocations of released units (by stated decision date) as far as the excess reaches.
 */
async function overAllocated(projectId: string, p: ProjectRow, live: number, tx: EntityManager): Promise<FindingDraft> {
  const excess = live - p.released_units;
  const latest = Math.max(0, excess - p.unreleased_allocations.length);
  const recent = await tx.query<{ unit_no: string; allocation_id: string; allocation_event_id: string }[]>(
    `SELECT unit_no, allocation_id, allocation_event_id FROM rm_units WHERE project_id = $1 AND allocation_id IS NOT NULL
     ORDER BY allocated_at DESC, unit_no DESC LIMIT $2`,
    [projectId, latest],
  );
  return {
    discriminator: 'allocations',
    severity: 'high',
    provinceCode: p.province_code,
    citizenIds: [],
    evidence: [
      ...p.release_event_ids.map((eventId) => ({ eventId, stream: `project-${projectId}` })),
      ...p.unreleased_allocations.map((a) => ({ eventId: a.eventId, stream: a.stream })),
      ...recent.map((r) => ({ eventId: r.allocation_event_id, stream: `unit-${projectId}.${r.unit_no}` })),
    ],
    summary: overAllocatedSummary(p.name, projectId, live, p.released_units, p.unreleased_allocations.length),
    details: {
      releasedUnits: p.released_units,
      liveAllocations: live,
      excess,
      allocationsOfUnreleasedUnits: p.unreleased_allocations.map((a) => ({ unitNo: a.unitNo, allocationId: a.allocationId })),
      latestAllocations: recent.map((r) => ({ unitNo: r.unit_no, allocationId: r.allocation_id })),
    },
  };
}

async function tooManyLarge(projectId: string, p: ProjectRow, total: number, tx: EntityManager): Promise<FindingDraft> {
  const large = await tx.query<Omit<UnitRow, 'project_id' | 'province_code'>[]>(
    `SELECT unit_no, floor_area_m2, release_event_id FROM rm_units WHERE project_id = $1 AND floor_area_m2 > ${STANDARD_MAX_M2} ORDER BY unit_no`,
    [projectId],
  );
  const allowed = Math.floor((total * LARGE_SHARE_PERCENT) / 100);
  return {
    discriminator: 'large-unit-share',
    severity: 'medium',
    provinceCode: p.province_code,
    citizenIds: [],
    evidence: large.filter((u) => u.release_event_id !== null).map((u) => ({ eventId: u.release_event_id as string, stream: `unit-${projectId}.${u.unit_no}` })),
    summary: largeUnitsSummary({ name: p.name, projectId: projectId, large: large.length, total, standardMaxM2: STANDARD_MAX_M2, largeSharePercent: LARGE_SHARE_PERCENT, allowed }),
    details: {
      projectUnits: total,
      plannedUnits: p.planned_units,
      releasedUnits: p.released_units,
      largeUnits: large.map((u) => ({ unitNo: u.unit_no, floorAreaM2: u.floor_area_m2 })),
      allowedLargeUnits: allowed,
    },
  };
}

/**
 * Detector 12: a project with more live allocations than units it released (allocations on unit
 * streams the project never released included), and units outside the floor-area limits of
 * Decree 100/2024 Art. 27: each unit below 25 m² or above 77 m² (70 m² + 10%), and each project
 * where more than 10% of its units exceed 70 m².
 *
 * Keys: `unit:{projectId}.{unitNo}` (its floor area, fixed at release: never closes) and
 * `project:{projectId}` (re-judged on registration, release batches, a release above 70 m², every
 * allocation, revocation and return; closes when revocations, returns or new releases bring the
 * count back). Severity: high for over-allocation (units handed out that do not exist), medium for
 * floor-area breaches (a design fault to correct, not a benefit taken).
 */
export const overAllocation: Detector = {
  name: 'over-allocation',

  keysOf(event: ReadSideEvent): Promise<string[]> {
    const projectId = typeof event.data.projectId === 'string' ? event.data.projectId : null;
    if (projectId === null) return Promise.resolve([]);
    if (event.stream.startsWith('project-')) {
      return Promise.resolve(event.type === 'ProjectRegistered' || event.type === 'UnitsReleased' ? [projectKey(projectId)] : []);
    }
    if (!event.stream.startsWith('unit-')) return Promise.resolve([]);
    switch (event.type) {
      case 'UnitReleased': {
        const d = as<UnitReleased>(event);
        return Promise.resolve([unitKey(projectId, d.unitNo), ...(d.floorAreaM2 > STANDARD_MAX_M2 ? [projectKey(projectId)] : [])]);
      }
      case 'UnitAllocated':
      case 'AllocationRevoked':
        return Promise.resolve([projectKey(projectId)]);
      case 'UnitTransferred':
        return Promise.resolve(as<UnitTransferred>(event).kind.startsWith('return-') ? [projectKey(projectId)] : []);
      default:
        return Promise.resolve([]);
    }
  },

  async evaluate(key: string, tx: EntityManager): Promise<FindingDraft[]> {
    if (key.startsWith('project:')) return projectFindings(key.slice('project:'.length), tx);
    const ref = key.slice('unit:'.length);
    const dot = ref.indexOf('.');
    return unitFindings(ref.slice(0, dot), ref.slice(dot + 1), tx);
  },
};

import { streams } from '../../src/shared/streams';
import { compareText } from '../engine/compare-text';
import type { LedgerState } from '../engine/ledger-state';
import type { ProjectRow, UnitRow } from '../engine/rows';
import { detector, type FindingDraft } from './detector';
import { largeUnitsSummary, overAllocatedSummary, unitAreaSummary } from './summaries/over-allocation.summary';

/** Decree 100/2024 Art. 27: apartments of 25–70 m²; up to 10% of a project's units above 70 m², by at most 10%. */
const MIN_M2 = 25;
const STANDARD_MAX_M2 = 70;
const ABSOLUTE_MAX_M2 = 77;
const LARGE_SHARE_PERCENT = 10;

const unitKey = (projectId: string, unitNo: string) => `unit:${projectId}.${unitNo}`;
const projectKey = (projectId: string) => `project:${projectId}`;

function unitFindings(u: UnitRow | undefined): FindingDraft[] {
  if (!u || (u.floor_area_m2 >= MIN_M2 && u.floor_area_m2 <= ABSOLUTE_MAX_M2)) return [];
  const below = u.floor_area_m2 < MIN_M2;
  return [
    {
      discriminator: 'floor-area',
      severity: 'medium',
      provinceCode: u.province_code,
      citizenIds: [],
      evidence: u.release_event_id ? [{ eventId: u.release_event_id, stream: streams.unit(u.project_id, u.unit_no) }] : [],
      summary: unitAreaSummary({ unitNo: u.unit_no, projectId: u.project_id, floorAreaM2: u.floor_area_m2, below, minM2: MIN_M2, standardMaxM2: STANDARD_MAX_M2, absoluteMaxM2: ABSOLUTE_MAX_M2 }),
      details: { floorAreaM2: u.floor_area_m2, limit: below ? 'minimum' : 'maximum', limitM2: below ? MIN_M2 : ABSOLUTE_MAX_M2 },
    },
  ];
}

function projectFindings(p: ProjectRow | undefined, state: LedgerState): FindingDraft[] {
  if (!p) return [];
  const projectUnits = state.unitsOfProject(p.project_id);
  const allocated = projectUnits.filter((u) => u.allocation_id !== null);
  const large = projectUnits.filter((u) => u.floor_area_m2 > STANDARD_MAX_M2);
  const drafts: FindingDraft[] = [];
  const live = allocated.length + p.unreleased_allocations.length;
  if (live > p.released_units) drafts.push(overAllocated(p, live, allocated));
  // The share is of the project's units as approved (planned); the write side refuses releases beyond them.
  const total = Math.max(p.planned_units, p.released_units);
  if (large.length * 100 > total * LARGE_SHARE_PERCENT) drafts.push(tooManyLarge(p, total, large));
  return drafts;
}

/**
 * Evidence: the project's release batches, every allocation of a unit it never released, then the
 * latest allocations of released units (by stated decision date) as far as the excess reaches.
 */
function overAllocated(p: ProjectRow, live: number, allocated: UnitRow[]): FindingDraft {
  const excess = live - p.released_units;
  const latest = Math.max(0, excess - p.unreleased_allocations.length);
  const recent = [...allocated]
    .sort((x, y) => compareText(y.allocated_at ?? '', x.allocated_at ?? '') || compareText(y.unit_no, x.unit_no))
    .slice(0, latest);
  return {
    discriminator: 'allocations',
    severity: 'high',
    provinceCode: p.province_code,
    citizenIds: [],
    evidence: [
      ...p.release_event_ids.map((eventId) => ({ eventId, stream: streams.project(p.project_id) })),
      ...p.unreleased_allocations.map((a) => ({ eventId: a.eventId, stream: a.stream })),
      ...recent.map((r) => ({ eventId: r.allocation_event_id ?? '', stream: streams.unit(p.project_id, r.unit_no) })),
    ],
    summary: overAllocatedSummary(p.name, p.project_id, live, p.released_units, p.unreleased_allocations.length),
    details: {
      releasedUnits: p.released_units,
      liveAllocations: live,
      excess,
      allocationsOfUnreleasedUnits: p.unreleased_allocations.map((a) => ({ unitNo: a.unitNo, allocationId: a.allocationId })),
      latestAllocations: recent.map((r) => ({ unitNo: r.unit_no, allocationId: r.allocation_id })),
    },
  };
}

function tooManyLarge(p: ProjectRow, total: number, largeUnits: UnitRow[]): FindingDraft {
  const large = [...largeUnits].sort((x, y) => compareText(x.unit_no, y.unit_no));
  const allowed = Math.floor((total * LARGE_SHARE_PERCENT) / 100);
  return {
    discriminator: 'large-unit-share',
    severity: 'medium',
    provinceCode: p.province_code,
    citizenIds: [],
    evidence: large.flatMap((u) => (u.release_event_id !== null ? [{ eventId: u.release_event_id, stream: streams.unit(p.project_id, u.unit_no) }] : [])),
    summary: largeUnitsSummary({ name: p.name, projectId: p.project_id, large: large.length, total, standardMaxM2: STANDARD_MAX_M2, largeSharePercent: LARGE_SHARE_PERCENT, allowed }),
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
export const overAllocation = detector({
  name: 'over-allocation',

  keysOf(event) {
    if (event.kind === 'project') {
      return event.type === 'ProjectRegistered' || event.type === 'UnitsReleased' ? [projectKey(event.data.projectId)] : [];
    }
    if (event.kind !== 'unit') return [];
    const projectId = event.data.projectId;
    switch (event.type) {
      case 'UnitReleased':
        return [unitKey(projectId, event.data.unitNo), ...(event.data.floorAreaM2 > STANDARD_MAX_M2 ? [projectKey(projectId)] : [])];
      case 'UnitAllocated':
      case 'AllocationRevoked':
        return [projectKey(projectId)];
      case 'UnitTransferred':
        return event.data.kind.startsWith('return-') ? [projectKey(projectId)] : [];
      default:
        return [];
    }
  },

  evaluate(key, state): FindingDraft[] {
    if (key.startsWith('project:')) {
      const projectId = key.slice('project:'.length);
      return projectFindings(state.project(projectId), state);
    }
    const ref = key.slice('unit:'.length);
    const dot = ref.indexOf('.');
    return unitFindings(state.unit(ref.slice(0, dot), ref.slice(dot + 1)));
  },
});

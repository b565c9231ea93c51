import type { AllocationRevoked, UnitAllocated, UnitTransferred } from '../../src/allocation/domain/unit.events';
import { waitsForUnit } from '../applications/application.read-model';
import { byRecordedAt, compareText } from '../engine/compare-text';
import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';
import type { ApplicationRow, QueuedFile, UnitRow } from '../engine/rows';

type On<T extends LedgerEvent['type']> = Extract<LedgerEvent, { kind: 'unit'; type: T }>;

/** rm_projects and rm_units: what each project released and who holds each unit. */
export function applyUnitEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind === 'project') {
    applyProjectEvent(state, event);
    return;
  }
  if (event.kind !== 'unit') return;
  switch (event.type) {
    case 'UnitReleased': {
      const d = event.data;
      const project = state.project(d.projectId);
      if (!project) return;
      state.addUnit({
        project_id: d.projectId, unit_no: d.unitNo, province_code: project.province_code, floor_area_m2: d.floorAreaM2, tenure: d.tenure,
        price_vnd: d.priceVnd, status: 'available', allocation_id: null, application_id: null, citizen_id: null, allocation_event_id: null,
        allocated_at: null, handed_over_at: null, fully_paid_at: null, holder_citizen_id: null, allocation_basis: null,
        release_event_id: event.eventId, handover_event_id: null, transfers: [],
      });
      return;
    }
    case 'UnitAllocated': {
      const d = event.data;
      const u = state.unit(d.projectId, d.unitNo);
      if (u) {
        u.status = 'allocated';
        u.allocation_id = d.allocationId;
        state.setUnitApplication(u, d.applicationId);
        u.citizen_id = d.citizenId;
        u.allocation_event_id = event.eventId;
        u.allocated_at = d.decidedAt;
        state.units.touch(u);
      }
      recordAllocationFacts(state, event, u);
      if (!u) recordUnreleasedAllocation(state, event);
      return;
    }
    case 'AllocationRevoked': {
      const d = event.data;
      recordRevocation(state, event);
      forgetUnreleasedAllocations(state, d.projectId, (a) => a.allocationId !== d.allocationId);
      const u = state.unit(d.projectId, d.unitNo);
      if (!u) return;
      u.status = 'available';
      u.allocation_id = null;
      state.setUnitApplication(u, null);
      u.citizen_id = null;
      u.allocation_event_id = null;
      u.allocated_at = null;
      state.units.touch(u);
      return;
    }
    case 'UnitHandedOver': {
      const d = event.data;
      const u = state.unit(d.projectId, d.unitNo);
      if (!u) return;
      u.status = 'handed-over';
      u.handed_over_at = d.handedOverAt;
      u.fully_paid_at = d.fullyPaidAt;
      u.holder_citizen_id = d.citizenId;
      u.handover_event_id = event.eventId;
      state.units.touch(u);
      return;
    }
    case 'UnitTransferred': {
      const d = event.data;
      const returned = d.kind === 'return-to-investor' || d.kind === 'return-to-state';
      const u = state.unit(d.projectId, d.unitNo);
      if (u) {
        u.holder_citizen_id = returned ? null : d.toCitizenId;
        if (returned) {
          u.status = 'available';
          u.allocation_id = null;
        }
        recordTransfer(state, event, u);
        state.units.touch(u);
      }
      if (returned) forgetUnreleasedAllocations(state, d.projectId, (a) => a.unitNo !== d.unitNo);
      return;
    }
    default:
      return;
  }
}

function applyProjectEvent(state: LedgerState, event: Extract<LedgerEvent, { kind: 'project' }>): void {
  if (event.type === 'ProjectRegistered') {
    const d = event.data;
    state.projects.put({
      project_id: d.projectId, province_code: d.provinceCode, name: d.name, planned_units: d.plannedUnits, released_units: 0, event_id: event.eventId,
      release_event_ids: [], unreleased_allocations: [],
    });
  } else if (event.type === 'UnitsReleased') {
    const p = state.project(event.data.projectId);
    if (!p) return;
    p.released_units += event.data.units.length;
    p.release_event_ids.push(event.eventId);
    state.projects.touch(p);
  }
}

/**
 * Detectors 5, 8 and 11 judge an allocation by the moment it was recorded: the unit keeps what its
 * application looked like then (status, decision in force, last revocation) and the better-ranked
 * files then waiting, and the application keeps every allocation's stated and recorded dates.
 * Taken before the application's own mirror event is applied, since the unit stream's event comes
 * first in the same append (nothing else changes between the two).
 */
function recordAllocationFacts(state: LedgerState, event: On<'UnitAllocated'> & { data: UnitAllocated['data'] }, u: UnitRow | undefined): void {
  const d = event.data;
  const a = state.application(d.applicationId);
  if (u) {
    u.allocation_basis = {
      citedDecisionNo: d.eligibilityDecisionNo,
      application: a
        ? { status: a.status, decision: a.decision, withdrawnEventId: a.withdrawn_event_id, submittedEventId: a.submitted_event_id, lastRevocation: a.last_revocation }
        : null,
      queue: a ? queueBefore(state, a) : [],
    };
  }
  if (!a) return;
  a.allocation_history.push({
    allocationId: d.allocationId, eventId: event.eventId, stream: event.stream, projectId: d.projectId, unitNo: d.unitNo, decisionNo: d.decisionNo,
    decidedBy: d.decidedBy, decidedAt: d.decidedAt, recordedAt: event.recordedAt, recordedBy: event.recordedBy,
  });
  state.applications.touch(a);
}

/** The files of `a`'s project and tenure ranked better than it (any rank, if it has none) and waiting now, best first. */
function queueBefore(state: LedgerState, a: ApplicationRow): QueuedFile[] {
  const rank = a.priority_rank;
  return state.applicationsOfProject(a.project_id)
    .filter((w) => w.tenure === a.tenure && w.application_id !== a.application_id && waitsForUnit(w) && w.priority_rank !== null
      && (rank === null || w.priority_rank < rank))
    .sort((x, y) => (x.priority_rank ?? 0) - (y.priority_rank ?? 0) || compareText(x.application_id, y.application_id))
    .map((w) => ({ applicationId: w.application_id, citizenId: w.citizen_id, rank: w.priority_rank ?? 0, method: w.rank_method, rankEventId: w.rank_event_id }));
}

/** The file remembers its revoked allocation and the decision then in force: a re-allocation needs a new decision. */
function recordRevocation(state: LedgerState, event: On<'AllocationRevoked'> & { data: AllocationRevoked['data'] }): void {
  const a = state.application(event.data.applicationId);
  if (!a) return;
  a.last_revocation = { allocationId: event.data.allocationId, eventId: event.eventId, stream: event.stream, decisionEventId: a.decision?.eventId ?? null };
  state.applications.touch(a);
}

/**
 * Detector 12: an allocation recorded on a unit stream the project never released has no rm_units
 * row to land in; the project keeps it, so "allocated more than released" can count it. It leaves
 * the list when revoked or when the unit is returned.
 */
function recordUnreleasedAllocation(state: LedgerState, event: On<'UnitAllocated'> & { data: UnitAllocated['data'] }): void {
  const d = event.data;
  const p = state.project(d.projectId);
  if (!p) return;
  p.unreleased_allocations.push({ allocationId: d.allocationId, unitNo: d.unitNo, eventId: event.eventId, stream: event.stream, decidedAt: d.decidedAt });
  state.projects.touch(p);
}

function forgetUnreleasedAllocations(state: LedgerState, projectId: string, keep: (a: { allocationId: string; unitNo: string }) => boolean): void {
  const p = state.project(projectId);
  if (!p || p.unreleased_allocations.length === 0) return;
  p.unreleased_allocations = p.unreleased_allocations.filter(keep);
  state.projects.touch(p);
}

/**
 * Detector 7 judges each transfer by the facts of the moment it was recorded: the handover and
 * full payment that started the resale restriction (a later re-allocation replaces them on the
 * unit), and whether the buyer then held an "eligible" decision in force on a file not withdrawn.
 */
function recordTransfer(state: LedgerState, event: On<'UnitTransferred'> & { data: UnitTransferred['data'] }, u: UnitRow): void {
  const d = event.data;
  const buyer = d.toCitizenId === null ? undefined : state.applicationsOfCitizen(d.toCitizenId)
    .filter((a) => a.status !== 'withdrawn' && a.decision?.outcome === 'eligible')
    .sort(byRecordedAt)[0];
  u.transfers.push({
    eventId: event.eventId, kind: d.kind, fromCitizenId: d.fromCitizenId, toCitizenId: d.toCitizenId, priceVnd: d.priceVnd, transferredAt: d.transferredAt,
    handedOverAt: u.handed_over_at, fullyPaidAt: u.fully_paid_at, handoverEventId: u.handover_event_id,
    buyer: buyer ? { applicationId: buyer.application_id, decisionEventId: buyer.decision?.eventId ?? null } : null,
  });
}

import type { EntityManager } from 'typeorm';
import type { ProjectRegistered, UnitsReleased } from '../../../src/allocation/domain/project.events';
import type { AllocationRevoked, UnitAllocated, UnitHandedOver, UnitReleased, UnitTransferred } from '../../../src/allocation/domain/unit.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';

/** rm_projects and rm_units: what each project released and who holds each unit. */
export async function applyUnitEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (event.stream.startsWith('project-')) return applyProjectEvent(event, tx);
  if (!event.stream.startsWith('unit-')) return;
  switch (event.type) {
    case 'UnitReleased': {
      const d = as<UnitReleased>(event);
      await tx.query(
        `INSERT INTO rm_units (project_id, unit_no, province_code, floor_area_m2, tenure, price_vnd, status, release_event_id)
         SELECT $1, $2, province_code, $3, $4, $5, 'available', $6 FROM rm_projects WHERE project_id = $1`,
        [d.projectId, d.unitNo, d.floorAreaM2, d.tenure, d.priceVnd, event.eventId],
      );
      return;
    }
    case 'UnitAllocated': {
      const d = as<UnitAllocated>(event);
      await tx.query(
        `UPDATE rm_units SET status = 'allocated', allocation_id = $3, application_id = $4, citizen_id = $5, allocation_event_id = $6,
           allocated_at = $7 WHERE project_id = $1 AND unit_no = $2`,
        [d.projectId, d.unitNo, d.allocationId, d.applicationId, d.citizenId, event.eventId, d.decidedAt],
      );
      await recordAllocationFacts(event, d, tx);
      await recordUnreleasedAllocation(event, d, tx);
      return;
    }
    case 'AllocationRevoked': {
      const d = as<AllocationRevoked>(event);
      await recordRevocation(event, d, tx);
      await forgetUnreleasedAllocations(d.projectId, 'allocationId', d.allocationId, tx);
      await tx.query(
        `UPDATE rm_units SET status = 'available', allocation_id = NULL, application_id = NULL, citizen_id = NULL,
           allocation_event_id = NULL, allocated_at = NULL WHERE project_id = $1 AND unit_no = $2`,
        [d.projectId, d.unitNo],
      );
      return;
    }
    case 'UnitHandedOver': {
      const d = as<UnitHandedOver>(event);
      await tx.query(
        `UPDATE rm_units SET status = 'handed-over', handed_over_at = $3, fully_paid_at = $4, holder_citizen_id = $5, handover_event_id = $6
         WHERE project_id = $1 AND unit_no = $2`,
        [d.projectId, d.unitNo, d.handedOverAt, d.fullyPaidAt, d.citizenId, event.eventId],
      );
      return;
    }
    case 'UnitTransferred': {
      const d = as<UnitTransferred>(event);
      const returned = d.kind === 'return-to-investor' || d.kind === 'return-to-state';
      await tx.query(
        `UPDATE rm_units SET holder_citizen_id = $3, status = CASE WHEN $4 THEN 'available' ELSE status END,
           allocation_id = CASE WHEN $4 THEN NULL ELSE allocation_id END WHERE project_id = $1 AND unit_no = $2`,
        [d.projectId, d.unitNo, returned ? null : d.toCitizenId, returned],
      );
      await recordTransfer(event, d, tx);
      if (returned) await forgetUnreleasedAllocations(d.projectId, 'unitNo', d.unitNo, tx);
      return;
    }
    default:
      return;
  }
}

async function applyProjectEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (event.type === 'ProjectRegistered') {
    const d = as<ProjectRegistered>(event);
    await tx.query('INSERT INTO rm_projects (project_id, province_code, name, planned_units, event_id) VALUES ($1, $2, $3, $4, $5)', [
      d.projectId, d.provinceCode, d.name, d.plannedUnits, event.eventId,
    ]);
  } else if (event.type === 'UnitsReleased') {
    const d = as<UnitsReleased>(event);
    await tx.query('UPDATE rm_projects SET released_units = released_units + $2, release_event_ids = release_event_ids || $3::uuid WHERE project_id = $1', [
      d.projectId, d.units.length, event.eventId,
    ]);
  }
}

/**
 * A file waiting for a unit (detector 8's queue), over rm_applications `w`: an "eligible" decision
 * in force, neither withdrawn nor holding an allocation. A revoked file waits again once decided
 * anew: the decision in force at its revocation is the one detector 5 will not take for a re-allocation.
 */
export const WAITS_FOR_UNIT = `w.decision->>'outcome' = 'eligible' AND (w.status = 'open'
  OR (w.status = 'revoked' AND w.last_revocation->>'decisionEventId' IS DISTINCT FROM w.decision->>'eventId'))`;

/**
 * Detectors 5, 8 and 11 judge an allocation by the moment it was recorded: the unit keeps what its
 * application looked like then (status, decision in force, last revocation) and the better-ranked
 * files then waiting, and the application keeps every allocation's stated and recorded dates.
 * Read before the application's own mirror event is applied, since the unit stream's event comes
 * first in the same append (nothing else changes between the two).
 */
async function recordAllocationFacts(event: ReadSideEvent, d: UnitAllocated['data'], tx: EntityManager): Promise<void> {
  await tx.query(
    `UPDATE rm_units SET allocation_basis = jsonb_build_object('citedDecisionNo', $3::text, 'application',
       (SELECT jsonb_build_object('status', a.status, 'decision', a.decision, 'withdrawnEventId', a.withdrawn_event_id,
          'submittedEventId', a.submitted_event_id, 'lastRevocation', a.last_revocation)
        FROM rm_applications a WHERE a.application_id = $4),
       'queue', (SELECT COALESCE(jsonb_agg(jsonb_build_object('applicationId', w.application_id, 'citizenId', w.citizen_id, 'rank', w.priority_rank,
            'method', w.rank_method, 'rankEventId', w.rank_event_id) ORDER BY w.priority_rank, w.application_id), '[]'::jsonb)
        FROM rm_applications a JOIN rm_applications w ON w.project_id = a.project_id AND w.tenure = a.tenure AND w.application_id <> a.application_id
        WHERE a.application_id = $4 AND ${WAITS_FOR_UNIT} AND w.priority_rank IS NOT NULL
          AND (a.priority_rank IS NULL OR w.priority_rank < a.priority_rank)))
     WHERE project_id = $1 AND unit_no = $2`,
    [d.projectId, d.unitNo, d.eligibilityDecisionNo, d.applicationId],
  );
  const dated = { allocationId: d.allocationId, eventId: event.eventId, stream: event.stream, projectId: d.projectId, unitNo: d.unitNo,
    decisionNo: d.decisionNo, decidedBy: d.decidedBy, decidedAt: d.decidedAt, recordedAt: event.metadata.recordedAt, recordedBy: event.metadata.actor.subject };
  await tx.query('UPDATE rm_applications SET allocation_history = allocation_history || jsonb_build_array($2::jsonb) WHERE application_id = $1', [
    d.applicationId, JSON.stringify(dated),
  ]);
}

/** The file remembers its revoked allocation and the decision then in force: a re-allocation needs a new decision. */
async function recordRevocation(event: ReadSideEvent, d: AllocationRevoked['data'], tx: EntityManager): Promise<void> {
  await tx.query(
    `UPDATE rm_applications SET last_revocation = jsonb_build_object('allocationId', $2::text, 'eventId', $3::text, 'stream', $4::text,
       'decisionEventId', decision->>'eventId')
     WHERE application_id = $1`,
    [d.applicationId, d.allocationId, event.eventId, event.stream],
  );
}

/**
 * Detector 12: an allocation recorded on a unit stream the project never released has no rm_units
 * row to land in; the project keeps it, so "allocated more than released" can count it. It leaves
 * the list when revoked or when the unit is returned.
 */
async function recordUnreleasedAllocation(event: ReadSideEvent, d: UnitAllocated['data'], tx: EntityManager): Promise<void> {
  const entry = { allocationId: d.allocationId, unitNo: d.unitNo, eventId: event.eventId, stream: event.stream, decidedAt: d.decidedAt };
  await tx.query(
    `UPDATE rm_projects SET unreleased_allocations = unreleased_allocations || jsonb_build_array($3::jsonb)
     WHERE project_id = $1 AND NOT EXISTS (SELECT 1 FROM rm_units WHERE project_id = $1 AND unit_no = $2)`,
    [d.projectId, d.unitNo, JSON.stringify(entry)],
  );
}

async function forgetUnreleasedAllocations(projectId: string, field: 'allocationId' | 'unitNo', value: string, tx: EntityManager): Promise<void> {
  await tx.query(
    `UPDATE rm_projects SET unreleased_allocations = (SELECT COALESCE(jsonb_agg(e ORDER BY n), '[]'::jsonb)
       FROM jsonb_array_elements(unreleased_allocations) WITH ORDINALITY AS t(e, n) WHERE e->>$2 <> $3)
     WHERE project_id = $1 AND jsonb_array_length(unreleased_allocations) > 0`,
    [projectId, field, value],
  );
}

/**
 * Detector 7 judges each transfer by the facts of the moment it was recorded: the handover and
 * full payment that started the resale restriction (a later re-allocation replaces them on the
 * unit), and whether the buyer then held an "eligible" decision in force on a file not withdrawn.
 */
async function recordTransfer(event: ReadSideEvent, d: UnitTransferred['data'], tx: EntityManager): Promise<void> {
  await tx.query(
    `UPDATE rm_units u SET transfers = u.transfers || jsonb_build_array(jsonb_build_object(
       'eventId', $3::text, 'kind', $4::text, 'fromCitizenId', $5::text, 'toCitizenId', $6::text, 'priceVnd', $7::bigint,
       'transferredAt', $8::text, 'handedOverAt', u.handed_over_at, 'fullyPaidAt', u.fully_paid_at, 'handoverEventId', u.handover_event_id,
       'buyer', (SELECT jsonb_build_object('applicationId', a.application_id, 'decisionEventId', a.decision->>'eventId')
                 FROM rm_applications a WHERE a.citizen_id = $6::text AND a.status <> 'withdrawn' AND a.decision->>'outcome' = 'eligible'
                 ORDER BY a.recorded_at, a.application_id LIMIT 1)))
     WHERE project_id = $1 AND unit_no = $2`,
    [d.projectId, d.unitNo, event.eventId, d.kind, d.fromCitizenId, d.toCitizenId, d.priceVnd, d.transferredAt],
  );
}

import type { EntityManager } from 'typeorm';
import type { ProjectRegistered, UnitsReleased } from '../../src/allocation/domain/project.events';
import type { AllocationRevoked, UnitAllocated, UnitHandedOver, UnitReleased, UnitTransferred } from '../../src/allocation/domain/unit.events';
import type { StoredEvent } from '../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';

/** rm_projects and rm_units: what each project released and who holds each unit. */
export async function applyUnitEvent(event: StoredEvent, tx: EntityManager): Promise<void> {
  if (event.stream.startsWith('project-')) return applyProjectEvent(event, tx);
  if (!event.stream.startsWith('unit-')) return;
  switch (event.type) {
    case 'UnitReleased': {
      const d = as<UnitReleased>(event);
      await tx.query(
        `INSERT INTO rm_units (project_id, unit_no, province_code, floor_area_m2, tenure, price_vnd, status)
         SELECT $1, $2, province_code, $3, $4, $5, 'available' FROM rm_projects WHERE project_id = $1`,
        [d.projectId, d.unitNo, d.floorAreaM2, d.tenure, d.priceVnd],
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
      return;
    }
    case 'AllocationRevoked': {
      const d = as<AllocationRevoked>(event);
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
        `UPDATE rm_units SET status = 'handed-over', handed_over_at = $3, fully_paid_at = $4, holder_citizen_id = $5
         WHERE project_id = $1 AND unit_no = $2`,
        [d.projectId, d.unitNo, d.handedOverAt, d.fullyPaidAt, d.citizenId],
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
      return;
    }
    default:
      return;
  }
}

async function applyProjectEvent(event: StoredEvent, tx: EntityManager): Promise<void> {
  if (event.type === 'ProjectRegistered') {
    const d = as<ProjectRegistered>(event);
    await tx.query('INSERT INTO rm_projects (project_id, province_code, name, planned_units, event_id) VALUES ($1, $2, $3, $4, $5)', [
      d.projectId, d.provinceCode, d.name, d.plannedUnits, event.eventId,
    ]);
  } else if (event.type === 'UnitsReleased') {
    const d = as<UnitsReleased>(event);
    await tx.query('UPDATE rm_projects SET released_units = released_units + $2 WHERE project_id = $1', [d.projectId, d.units.length]);
  }
}

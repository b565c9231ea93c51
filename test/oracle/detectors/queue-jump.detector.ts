import type { EntityManager } from 'typeorm';
import type { AllocationRevoked } from '../../../src/allocation/domain/unit.events';
import type { ApplicationUnitAllocated } from '../../../src/applications/domain/application.events';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';
import type { Detector, Evidence, FindingDraft } from './sql-detector';

interface AllocatedFile {
  application_id: string;
  project_id: string;
  province_code: string;
  citizen_id: string;
  tenure: string;
  priority_rank: number | null;
  rank_method: string | null;
  rank_event_id: string | null;
  allocation_id: string | null;
  unit_no: string | null;
  /** The allocation the unit holds now, and the unit stream's event that recorded it. */
  unit_allocation_id: string | null;
  allocation_event_id: string | null;
}

interface WaitingFile {
  application_id: string;
  citizen_id: string;
  priority_rank: number;
  rank_method: string;
  rank_event_id: string;
}

const rankOf = (rank: number | null, method: string | null) => (rank === null ? 'not ranked' : `rank ${rank} by ${method}`);

/**
 * Detector 8: a unit allocated while a better-ranked file of the same project and tenure was
 * waiting — ranked lower (better) by the recorded score or ballot, "eligible" decision in force,
 * not withdrawn, not yet allocated. When eligible files exceed units, the ranking decides (Housing
 * Law Art. 79; lottery under Decree 100/2024 Art. 38). A file allocated without any rank jumped every
 * ranked file waiting; a project that ranked nobody has no queue to jump.
 *
 * Judged when the application's mirror of the allocation is applied (the unit's own event comes
 * first in the same append), against the queue as it stands at that moment. Keyed again only when
 * that allocation is revoked, which closes the finding: the unit went back to the queue. A jump
 * that happened stays a fact: the skipped file being served later, or the unit being returned after
 * handover, closes nothing, so no later event re-judges the allocation against a changed queue.
 * Severity high: a unit given out of turn is a benefit taken from the person whose turn it was.
 */
export const queueJump: Detector = {
  name: 'queue-jump',

  async keysOf(event: StoredEvent): Promise<string[]> {
    if (event.type === 'UnitAllocated' && event.stream.startsWith('application-')) return [as<ApplicationUnitAllocated>(event).applicationId];
    if (event.type === 'AllocationRevoked') return [as<AllocationRevoked>(event).applicationId];
    return [];
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const [a] = (await tx.query(
      `SELECT a.application_id, a.project_id, a.province_code, a.citizen_id, a.tenure, a.priority_rank, a.rank_method, a.rank_event_id,
         a.allocation_id, a.unit_no, u.allocation_id AS unit_allocation_id, u.allocation_event_id
       FROM rm_applications a LEFT JOIN rm_units u ON u.project_id = a.project_id AND u.unit_no = a.unit_no
       WHERE a.application_id = $1`,
      [applicationId],
    )) as AllocatedFile[];
    // Not allocated, or the unit no longer holds this allocation (revoked): nothing stands.
    if (!a?.allocation_id || a.unit_allocation_id !== a.allocation_id || !a.allocation_event_id) return [];
    const waiting = (await tx.query(
      `SELECT application_id, citizen_id, priority_rank, rank_method, rank_event_id FROM rm_applications
       WHERE project_id = $1 AND tenure = $2 AND application_id <> $3 AND status = 'open' AND decision->>'outcome' = 'eligible'
         AND priority_rank IS NOT NULL AND ($4::int IS NULL OR priority_rank < $4::int)
       ORDER BY priority_rank, application_id`,
      [a.project_id, a.tenure, applicationId, a.priority_rank],
    )) as WaitingFile[];
    if (waiting.length === 0) return [];
    const evidence: Evidence[] = [
      { eventId: a.allocation_event_id, stream: `unit-${a.project_id}.${a.unit_no}` },
      ...(a.rank_event_id ? [{ eventId: a.rank_event_id, stream: `application-${applicationId}` }] : []),
      ...waiting.map((w) => ({ eventId: w.rank_event_id, stream: `application-${w.application_id}` })),
    ];
    return [
      {
        discriminator: a.allocation_id,
        severity: 'high',
        provinceCode: a.province_code,
        citizenIds: [a.citizen_id, ...waiting.map((w) => w.citizen_id)],
        evidence,
        summary:
          `Unit ${a.unit_no} of project ${a.project_id} was allocated to application ${applicationId} (${rankOf(a.priority_rank, a.rank_method)}) ` +
          `while ${waiting.length} better-ranked eligible application${waiting.length > 1 ? 's' : ''} of the same project and tenure ` +
          `(${a.tenure}) waited: ${waiting.map((w) => `${w.application_id} (${rankOf(w.priority_rank, w.rank_method)})`).join(', ')}.`,
        details: {
          allocationId: a.allocation_id,
          projectId: a.project_id,
          unitNo: a.unit_no,
          tenure: a.tenure,
          allocatedRank: a.priority_rank,
          allocatedRankMethod: a.rank_method,
          skipped: waiting.map((w) => ({ applicationId: w.application_id, citizenId: w.citizen_id, rank: w.priority_rank, method: w.rank_method })),
        },
      },
    ];
  },
};

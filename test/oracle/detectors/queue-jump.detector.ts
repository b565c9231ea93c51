import type { EntityManager } from 'typeorm';
import type { AllocationRevoked } from '../../../src/allocation/domain/unit.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';
import { WAITS_FOR_UNIT } from '../units/unit.read-model';
import type { Detector, Evidence, FindingDraft } from './sql-detector';
import { queueJumpSummary } from '../../../projections/detectors/summaries/queue-jump.summary';

const NAME = 'queue-jump';

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
  /** The better-ranked files that waited when the unit stream recorded the allocation. */
  queue: QueuedFile[] | null;
}

interface QueuedFile { applicationId: string; citizenId: string; rank: number; method: string | null; rankEventId: string | null }

/** Changes to a file that can end its wait: it is served, withdraws, is decided on (or amended, voiding the decision), or its allocation is revoked. */
const WAIT_CHANGES: ReadonlySet<string> = new Set(['UnitAllocated', 'ApplicationWithdrawn', 'EligibilityDecided', 'ApplicationAmended', 'AllocationRevoked']);


/**
 * Detector 8: a unit allocated while a better-ranked file of the same project and tenure was
 * waiting — ranked lower (better) by the recorded score or ballot, "eligible" decision in force,
 * not withdrawn, not holding an allocation (a revoked file waits again once decided anew). When
 * eligible files exceed units, the ranking decides (Housing Law Art. 79; lottery under Decree
 * 100/2024 Art. 38). A file allocated without any rank jumped every ranked file waiting; a project
 * that ranked nobody has no queue to jump.
 *
 * The queue is the one the unit stream's UnitAllocated found (kept on the unit, so a rebuild sees
 * the same one); the finding is judged when the application's mirror is applied, and stays open
 * while one of the files it skipped still waits. It closes when every one of them has been served,
 * has withdrawn or is no longer eligible (the allocation a moment early skipped nobody), or when
 * the allocation is revoked (the unit went back to the queue). So a change to a skipped file —
 * each is evidence — keys the open findings that cite it again. The details keep the original
 * skipped list and say which still wait. Returning the unit after handover closes nothing.
 * Severity high: a unit given out of turn is a benefit taken from the person whose turn it was.
 */
export const queueJump: Detector = {
  name: 'queue-jump',

  async keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]> {
    if (event.stream.startsWith('unit-')) return event.type === 'AllocationRevoked' ? [as<AllocationRevoked>(event).applicationId] : [];
    if (!event.stream.startsWith('application-') || !WAIT_CHANGES.has(event.type)) return [];
    const own = event.type === 'UnitAllocated' ? [event.data.applicationId as string] : [];
    const open = await tx.query<{ finding_key: string }[]>(`SELECT finding_key FROM findings WHERE detector = $1 AND status = 'open' AND streams @> ARRAY[$2]::text[]`, [
      NAME, event.stream,
    ]);
    return [...new Set([...own, ...open.map((r) => r.finding_key)])];
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const a = (await tx.query<AllocatedFile[]>(
      `SELECT a.application_id, a.project_id, a.province_code, a.citizen_id, a.tenure, a.priority_rank, a.rank_method, a.rank_event_id,
         a.allocation_id, a.unit_no, u.allocation_id AS unit_allocation_id, u.allocation_event_id,
         u.allocation_basis->'queue' AS queue
       FROM rm_applications a LEFT JOIN rm_units u ON u.project_id = a.project_id AND u.unit_no = a.unit_no
       WHERE a.application_id = $1`,
      [applicationId],
    )).at(0);
    // Not allocated, or the unit no longer holds this allocation (revoked): nothing stands.
    if (!a?.allocation_id || a.unit_allocation_id !== a.allocation_id || !a.allocation_event_id) return [];
    const skipped = a.queue ?? [];
    const still = new Set(((await tx.query<{ application_id: string }[]>(
      `SELECT w.application_id FROM rm_applications w WHERE w.application_id = ANY($1) AND ${WAITS_FOR_UNIT}`,
      [skipped.map((s) => s.applicationId)],
    ))).map((r) => r.application_id));
    const waiting = skipped.filter((s) => still.has(s.applicationId));
    if (waiting.length === 0) return [];
    const evidence: Evidence[] = [
      { eventId: a.allocation_event_id, stream: `unit-${a.project_id}.${a.unit_no}` },
      ...(a.rank_event_id ? [{ eventId: a.rank_event_id, stream: `application-${applicationId}` }] : []),
      ...skipped.map((s) => ({ eventId: s.rankEventId ?? '', stream: `application-${s.applicationId}` })),
    ];
    const served = skipped.length - waiting.length;
    return [
      {
        discriminator: a.allocation_id,
        severity: 'high',
        provinceCode: a.province_code,
        citizenIds: [a.citizen_id, ...skipped.map((s) => s.citizenId)],
        evidence,
        summary: queueJumpSummary({
          unitNo: String(a.unit_no),
          projectId: a.project_id,
          allocated: { applicationId, rank: a.priority_rank, method: a.rank_method },
          tenure: a.tenure,
          skipped,
          waiting: served > 0 ? waiting.map((s) => s.applicationId) : null,
        }),
        details: {
          allocationId: a.allocation_id,
          projectId: a.project_id,
          unitNo: a.unit_no,
          tenure: a.tenure,
          allocatedRank: a.priority_rank,
          allocatedRankMethod: a.rank_method,
          skipped: skipped.map((s) => ({ applicationId: s.applicationId, citizenId: s.citizenId, rank: s.rank, method: s.method })),
          stillWaiting: waiting.map((s) => s.applicationId),
        },
      },
    ];
  },
};

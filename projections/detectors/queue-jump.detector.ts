import { streams } from '../../src/shared/streams';
import { waitsForUnit } from '../applications/application.read-model';
import type { Evidence } from '../engine/rows';
import { detector, type FindingDraft } from './detector';
import { queueJumpSummary } from './summaries/queue-jump.summary';

const NAME = 'queue-jump';


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
export const queueJump = detector({
  name: NAME,

  keysOf(event, state) {
    if (event.kind === 'unit' && event.type === 'AllocationRevoked') return [event.data.applicationId];
    if (event.kind !== 'application' || !WAIT_CHANGES.has(event.type)) return [];
    const own = event.type === 'UnitAllocated' ? [event.data.applicationId] : [];
    return [...new Set([...own, ...state.openFindingKeysOn(NAME, event.stream)])];
  },

  evaluate(applicationId, state): FindingDraft[] {
    const a = state.application(applicationId);
    const u = a?.unit_no != null ? state.unit(a.project_id, a.unit_no) : undefined;
    // Not allocated, or the unit no longer holds this allocation (revoked): nothing stands.
    if (!a?.allocation_id || !u || u.allocation_id !== a.allocation_id || !u.allocation_event_id) return [];
    const skipped = u.allocation_basis?.queue ?? [];
    const waiting = skipped.filter((s) => {
      const w = state.application(s.applicationId);
      return w !== undefined && waitsForUnit(w);
    });
    if (waiting.length === 0) return [];
    const evidence: Evidence[] = [
      { eventId: u.allocation_event_id, stream: streams.unit(a.project_id, u.unit_no) },
      ...(a.rank_event_id ? [{ eventId: a.rank_event_id, stream: streams.application(applicationId) }] : []),
      ...skipped.map((s) => ({ eventId: s.rankEventId ?? '', stream: streams.application(s.applicationId) })),
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
          unitNo: u.unit_no,
          projectId: a.project_id,
          allocated: { applicationId, rank: a.priority_rank, method: a.rank_method },
          tenure: a.tenure,
          skipped,
          waiting: served > 0 ? waiting.map((s) => s.applicationId) : null,
        }),
        details: {
          allocationId: a.allocation_id,
          projectId: a.project_id,
          unitNo: u.unit_no,
          tenure: a.tenure,
          allocatedRank: a.priority_rank,
          allocatedRankMethod: a.rank_method,
          skipped: skipped.map((s) => ({ applicationId: s.applicationId, citizenId: s.citizenId, rank: s.rank, method: s.method })),
          stillWaiting: waiting.map((s) => s.applicationId),
        },
      },
    ];
  },
});

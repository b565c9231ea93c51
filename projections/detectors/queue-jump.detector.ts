import { streams } from '../../src/shared/streams';
import { compareText } from '../engine/compare-text';
import type { Evidence } from '../engine/rows';
import { detector, type FindingDraft } from './detector';

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
export const queueJump = detector({
  name: 'queue-jump',

  keysOf(event) {
    if (event.kind === 'application' && event.type === 'UnitAllocated') return [event.data.applicationId];
    if (event.kind === 'unit' && event.type === 'AllocationRevoked') return [event.data.applicationId];
    return [];
  },

  evaluate(applicationId, state): FindingDraft[] {
    const a = state.application(applicationId);
    const u = a?.unit_no != null ? state.unit(a.project_id, a.unit_no) : undefined;
    // Not allocated, or the unit no longer holds this allocation (revoked): nothing stands.
    if (!a?.allocation_id || !u || u.allocation_id !== a.allocation_id || !u.allocation_event_id) return [];
    const rank = a.priority_rank;
    const waiting = state.applicationsOfProject(a.project_id)
      .filter((w) => w.tenure === a.tenure && w.application_id !== applicationId && w.status === 'open' && w.decision?.outcome === 'eligible'
        && w.priority_rank !== null && (rank === null || w.priority_rank < rank))
      .sort((x, y) => (x.priority_rank ?? 0) - (y.priority_rank ?? 0) || compareText(x.application_id, y.application_id));
    if (waiting.length === 0) return [];
    const evidence: Evidence[] = [
      { eventId: u.allocation_event_id, stream: streams.unit(a.project_id, u.unit_no) },
      ...(a.rank_event_id ? [{ eventId: a.rank_event_id, stream: streams.application(applicationId) }] : []),
      ...waiting.map((w) => ({ eventId: w.rank_event_id ?? '', stream: streams.application(w.application_id) })),
    ];
    return [
      {
        discriminator: a.allocation_id,
        severity: 'high',
        provinceCode: a.province_code,
        citizenIds: [a.citizen_id, ...waiting.map((w) => w.citizen_id)],
        evidence,
        summary:
          `Unit ${u.unit_no} of project ${a.project_id} was allocated to application ${applicationId} (${rankOf(a.priority_rank, a.rank_method)}) ` +
          `while ${waiting.length} better-ranked eligible application${waiting.length > 1 ? 's' : ''} of the same project and tenure ` +
          `(${a.tenure}) waited: ${waiting.map((w) => `${w.application_id} (${rankOf(w.priority_rank, w.rank_method)})`).join(', ')}.`,
        details: {
          allocationId: a.allocation_id,
          projectId: a.project_id,
          unitNo: u.unit_no,
          tenure: a.tenure,
          allocatedRank: a.priority_rank,
          allocatedRankMethod: a.rank_method,
          skipped: waiting.map((w) => ({ applicationId: w.application_id, citizenId: w.citizen_id, rank: w.priority_rank, method: w.rank_method })),
        },
      },
    ];
  },
});

import { currentProvince } from '../../src/shared/identity/province-mergers';
import { streams } from '../../src/shared/streams';
import type { LotteryRow } from '../engine/rows';
import { detector, type Evidence, type FindingDraft } from './detector';
import { allocatedBeforeDrawSummary, intrudersSummary, leftOutSummary } from './summaries/lottery-integrity.summary';

/** The lottery's own events: every finding of a lottery names them first. */
function lotteryEvidence(l: LotteryRow): Evidence[] {
  const stream = streams.lottery(l.project_id);
  return [{ eventId: l.opened_event_id, stream }, ...(l.drawn_event_id ? [{ eventId: l.drawn_event_id, stream }] : [])];
}

/**
 * Detector 13: a lottery (bốc thăm, Decree 100/2024 Art. 38) that does not decide what it claims
 * to. (a) A file eligible at the opening (decision in force, not withdrawn) is not among the frozen
 * entrants: someone was kept out of the draw; (b) an entrant was not eligible then: someone was let
 * in; (c) a unit of the project was allocated before the draw, or was already allocated at the
 * opening: the "guaranteed slot" sold outside the draw. The write side refuses all three; imported
 * histories and other writers can still carry them. Facts of their moment, recorded by the lottery
 * read model, so nothing later closes them. Severity high: each is a benefit handed out of turn.
 */
export const lotteryIntegrity = detector({
  name: 'lottery-integrity',

  keysOf(event, state) {
    if (event.kind === 'lottery') return [event.data.lotteryId];
    if (event.kind === 'unit' && event.type === 'UnitAllocated') {
      return state.lotteriesOfProject(event.data.projectId).filter((l) => l.status === 'open').map((l) => l.lottery_id);
    }
    return [];
  },

  evaluate(lotteryId, state): FindingDraft[] {
    const l = state.lottery(lotteryId);
    if (!l) return [];
    const drafts: FindingDraft[] = [];
    const base = { severity: 'high' as const, provinceCode: currentProvince(l.province_code) };
    const entrants = new Set(l.entrants);
    const eligible = new Set(l.eligible_at_opening.map((e) => e.applicationId));

    const missing = l.eligible_at_opening.filter((e) => !entrants.has(e.applicationId));
    if (missing.length > 0) {
      drafts.push({
        ...base,
        discriminator: 'missing-entrants',
        citizenIds: missing.map((m) => m.citizenId),
        evidence: [...lotteryEvidence(l), ...missing.map((m) => ({ eventId: m.decisionEventId, stream: streams.application(m.applicationId) }))],
        summary: leftOutSummary(lotteryId, l.project_id, missing.map((m) => m.applicationId)),
        details: { lotteryId, projectId: l.project_id, reason: 'eligible-not-entrant', applicationIds: missing.map((m) => m.applicationId) },
      });
    }

    const intruders = l.entrants.filter((id) => !eligible.has(id));
    if (intruders.length > 0) {
      drafts.push({
        ...base,
        discriminator: 'ineligible-entrants',
        citizenIds: intruders.flatMap((id) => state.application(id)?.citizen_id ?? []),
        evidence: [...lotteryEvidence(l), ...intruders.flatMap((id) => {
          const a = state.application(id);
          return a ? [{ eventId: a.submitted_event_id, stream: streams.application(id) }] : [];
        })],
        summary: intrudersSummary(lotteryId, l.project_id, intruders),
        details: { lotteryId, projectId: l.project_id, reason: 'entrant-not-eligible', applicationIds: intruders },
      });
    }

    for (const a of l.allocations_before_draw) {
      drafts.push({
        ...base,
        discriminator: `allocation:${a.allocationId}`,
        citizenIds: [a.citizenId],
        evidence: [...lotteryEvidence(l), { eventId: a.eventId, stream: a.stream }],
        summary: allocatedBeforeDrawSummary(a.unitNo, l.project_id, a.applicationId, lotteryId),
        details: { lotteryId, projectId: l.project_id, reason: 'allocated-before-draw', allocationId: a.allocationId, unitNo: a.unitNo, applicationId: a.applicationId },
      });
    }
    return drafts;
  },
});

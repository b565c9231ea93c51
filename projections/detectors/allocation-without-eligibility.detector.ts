import { currentProvince } from '../../src/shared/identity/province-mergers';
import { statedBefore } from '../../src/shared/stated-date';
import { streams } from '../../src/shared/streams';
import { compareText } from '../engine/compare-text';
import type { UnitRow } from '../engine/rows';
import { detector, type Evidence, type FindingDraft } from './detector';
import { allocationReasonsVi, allocationWithoutEligibilitySummary } from './summaries/allocation-without-eligibility.summary';

interface Reason {
  code: string;
  text: string;
  /** Reasons that mean no eligibility at all; the others are a flawed reference to one. */
  grave: boolean;
  evidence?: Evidence;
}

/** Why the allocation did not rest on an "eligible" decision in force (Housing Law Art. 78; Decree 100/2024 Art. 38). */
function reasonsOf(u: UnitRow, applicationId: string): Reason[] {
  const basis = u.allocation_basis;
  if (!basis) return [];
  const file = basis.application;
  const stream = streams.application(applicationId);
  if (!file) return [{ code: 'unknown-application', text: allocationReasonsVi.unknownApplication(applicationId), grave: true }];
  const reasons: Reason[] = [];
  if (file.status === 'withdrawn' && file.withdrawnEventId) {
    reasons.push({ code: 'withdrawn', text: allocationReasonsVi.withdrawn(), grave: true, evidence: { eventId: file.withdrawnEventId, stream } });
  }
  const decision = file.decision;
  if (!decision) {
    reasons.push({ code: 'no-decision', text: allocationReasonsVi.noDecision(), grave: true });
    return reasons;
  }
  const decisionEvidence = { eventId: decision.eventId, stream };
  if (decision.outcome !== 'eligible') {
    reasons.push({ code: 'ineligible', text: allocationReasonsVi.ineligible(decision.decisionNo), grave: true, evidence: decisionEvidence });
    return reasons;
  }
  const revocation = file.lastRevocation;
  if (revocation && revocation.decisionEventId === decision.eventId) {
    reasons.push({
      code: 'allocated-after-revocation',
      text: allocationReasonsVi.allocatedAfterRevocation(revocation.allocationId),
      grave: true,
      evidence: { eventId: revocation.eventId, stream: revocation.stream },
    });
  }
  if (basis.citedDecisionNo !== decision.decisionNo) {
    reasons.push({ code: 'cites-another-decision', text: allocationReasonsVi.citesAnotherDecision(basis.citedDecisionNo, decision.decisionNo), grave: false, evidence: decisionEvidence });
  }
  if (u.allocated_at !== null && statedBefore(u.allocated_at, decision.decidedAt)) {
    reasons.push({ code: 'dated-before-eligibility', text: allocationReasonsVi.datedBeforeEligibility(u.allocated_at, decision.decidedAt), grave: false, evidence: decisionEvidence });
  }
  return reasons;
}

/**
 * Detector 5: a unit allocated without a prior "eligible" decision in force, after the file was
 * withdrawn, or again after an earlier allocation was revoked with no new decision. The write side
 * refuses the first two (imported histories and other writers can still carry them); it accepts
 * the third, since a revocation frees the file and the board may re-allocate on the decision still
 * in force, so every such re-allocation is shown here for an inspector to judge. Judged against
 * the file as it stood when the unit stream recorded the allocation, so a later decision does not
 * cure it. Key: the application. Closes when the allocation is revoked or the unit goes back.
 */
export const allocationWithoutEligibility = detector({
  name: 'allocation-without-eligibility',

  keysOf(event, state) {
    if (event.kind !== 'unit') return [];
    if (event.type === 'UnitAllocated' || event.type === 'AllocationRevoked') return [event.data.applicationId];
    if (event.type === 'UnitTransferred') {
      const applicationId = state.unit(event.data.projectId, event.data.unitNo)?.application_id;
      return applicationId ? [applicationId] : [];
    }
    return [];
  },

  evaluate(applicationId, state): FindingDraft[] {
    const allocations = state.unitsOfApplication(applicationId)
      .filter((u) => u.allocation_id !== null)
      .sort((x, y) => compareText(x.project_id, y.project_id) || compareText(x.unit_no, y.unit_no));
    const drafts: FindingDraft[] = [];
    for (const u of allocations) {
      const reasons = reasonsOf(u, applicationId);
      // An allocation's id, event and citizen are recorded together: a unit holds all three or none.
      if (reasons.length === 0 || u.allocation_id === null || u.allocation_event_id === null || u.citizen_id === null) continue;
      const file = u.allocation_basis?.application;
      const evidence: Evidence[] = [
        { eventId: u.allocation_event_id, stream: streams.unit(u.project_id, u.unit_no) },
        ...(file ? [{ eventId: file.submittedEventId, stream: streams.application(applicationId) }] : []),
      ];
      for (const r of reasons) if (r.evidence && !evidence.some((e) => e.eventId === r.evidence?.eventId)) evidence.push(r.evidence);
      drafts.push({
        discriminator: u.allocation_id,
        // An allocation with no eligibility behind it grants a benefit the law does not allow.
        severity: reasons.some((r) => r.grave) ? 'high' : 'medium',
        provinceCode: currentProvince(u.province_code),
        citizenIds: [u.citizen_id],
        evidence,
        summary: allocationWithoutEligibilitySummary({ unitNo: u.unit_no, projectId: u.project_id, applicationId, citizenId: u.citizen_id, reasons: reasons.map((r) => r.text) }),
        details: {
          allocationId: u.allocation_id,
          reasons: reasons.map((r) => r.code),
          citedDecisionNo: u.allocation_basis?.citedDecisionNo ?? null,
          decisionInForce: file?.decision ? { decisionNo: file.decision.decisionNo, outcome: file.decision.outcome, decidedAt: file.decision.decidedAt } : null,
          allocationDecidedAt: u.allocated_at,
          applicationStatus: file?.status ?? null,
        },
      });
    }
    return drafts;
  },
});

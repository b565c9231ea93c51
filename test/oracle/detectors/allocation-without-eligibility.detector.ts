import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { currentProvince } from '../../../src/shared/identity/province-mergers';
import { statedBefore } from '../../../src/shared/stated-date';
import type { Detector, Evidence, FindingDraft } from './sql-detector';
import { allocationReasonsVi, allocationWithoutEligibilitySummary } from '../../../projections/detectors/summaries/allocation-without-eligibility.summary';

/** The application as it stood when the unit stream recorded the allocation (rm_units.allocation_basis). */
interface ApplicationAtAllocation {
  status: string;
  decision: { eventId: string; outcome: string; decisionNo: string; decidedAt: string } | null;
  withdrawnEventId: string | null;
  submittedEventId: string;
  lastRevocation: { allocationId: string; eventId: string; stream: string; decisionEventId: string | null } | null;
}

interface LiveAllocation {
  project_id: string;
  unit_no: string;
  province_code: string;
  allocation_id: string;
  citizen_id: string;
  allocation_event_id: string;
  /** The allocation's stated decision date (UnitAllocated.decidedAt). */
  allocated_at: string;
  allocation_basis: { citedDecisionNo: string; application: ApplicationAtAllocation | null } | null;
}

interface Reason {
  code: string;
  text: string;
  /** Reasons that mean no eligibility at all; the others are a flawed reference to one. */
  grave: boolean;
  evidence?: Evidence;
}

/** Why the allocation did not rest on an "eligible" decision in force (Housing Law Art. 78; Decree 100/2024 Art. 38). */
function reasonsOf(a: LiveAllocation, applicationId: string): Reason[] {
  const basis = a.allocation_basis;
  if (!basis) return [];
  const file = basis.application;
  const stream = `application-${applicationId}`;
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
  if (statedBefore(a.allocated_at, decision.decidedAt)) {
    reasons.push({ code: 'dated-before-eligibility', text: allocationReasonsVi.datedBeforeEligibility(a.allocated_at, decision.decidedAt), grave: false, evidence: decisionEvidence });
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
export const allocationWithoutEligibility: Detector = {
  name: 'allocation-without-eligibility',

  async keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]> {
    if (!event.stream.startsWith('unit-')) return [];
    if (event.type === 'UnitAllocated' || event.type === 'AllocationRevoked') return [event.data.applicationId as string];
    if (event.type === 'UnitTransferred') {
      const rows = await tx.query<{ application_id: string }[]>('SELECT application_id FROM rm_units WHERE project_id = $1 AND unit_no = $2 AND application_id IS NOT NULL', [
        event.data.projectId, event.data.unitNo,
      ]);
      return rows.map((r) => r.application_id);
    }
    return [];
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const allocations = await tx.query<LiveAllocation[]>(
      `SELECT project_id, unit_no, province_code, allocation_id, citizen_id, allocation_event_id, allocated_at, allocation_basis
       FROM rm_units WHERE application_id = $1 AND allocation_id IS NOT NULL ORDER BY project_id, unit_no`,
      [applicationId],
    );
    const drafts: FindingDraft[] = [];
    for (const a of allocations) {
      const reasons = reasonsOf(a, applicationId);
      if (reasons.length === 0) continue;
      const file = a.allocation_basis?.application;
      const evidence: Evidence[] = [
        { eventId: a.allocation_event_id, stream: `unit-${a.project_id}.${a.unit_no}` },
        ...(file ? [{ eventId: file.submittedEventId, stream: `application-${applicationId}` }] : []),
      ];
      for (const r of reasons) if (r.evidence && !evidence.some((e) => e.eventId === r.evidence?.eventId)) evidence.push(r.evidence);
      drafts.push({
        discriminator: a.allocation_id,
        // An allocation with no eligibility behind it grants a benefit the law does not allow.
        severity: reasons.some((r) => r.grave) ? 'high' : 'medium',
        provinceCode: currentProvince(a.province_code),
        citizenIds: [a.citizen_id],
        evidence,
        summary: allocationWithoutEligibilitySummary({ unitNo: a.unit_no, projectId: a.project_id, applicationId, citizenId: a.citizen_id, reasons: reasons.map((r) => r.text) }),
        details: {
          allocationId: a.allocation_id,
          reasons: reasons.map((r) => r.code),
          citedDecisionNo: a.allocation_basis?.citedDecisionNo ?? null,
          decisionInForce: file?.decision ? { decisionNo: file.decision.decisionNo, outcome: file.decision.outcome, decidedAt: file.decision.decidedAt } : null,
          allocationDecidedAt: a.allocated_at,
          applicationStatus: file?.status ?? null,
        },
      });
    }
    return drafts;
  },
};

import { streams } from '../../src/shared/streams';
import { detector, type FindingDraft } from './detector';
import { decisionContradictsPolicySummary } from './summaries/decision-contradicts-policy.summary';


/**
 * Detector 6: a board declared a file "eligible" although the policy version in force on the
 * decision's day said "ineligible" (income, floor area, category, prior benefit: POLICY.md). Every
 * such override is raised, justified or not, because inspectors review them all; the board's
 * justification is shown beside the policy's reasons. EligibilityDecided carries both verdicts, so
 * the judgement needs no policy lookup and replays identically.
 *
 * The reverse, "ineligible" where the policy says "eligible", is deliberately not this detector: it
 * denies a benefit rather than grants one unlawfully, and is for the applicant's complaint.
 *
 * Keyed only by decisions: the finding holds while the application's latest decision is an
 * override, and closes with a later decision that is "ineligible" or agrees with the policy. An
 * amendment voids the decision in force but not the override already made, so it closes nothing.
 * Severity: medium for a justified override (the law lets a board judge), high for one with no
 * justification (the write side refuses those: one in the log came round it).
 */
export const decisionContradictsPolicy = detector({
  name: 'decision-contradicts-policy',

  keysOf(event) {
    return event.kind === 'application' && event.type === 'EligibilityDecided' ? [event.data.applicationId] : [];
  },

  evaluate(applicationId, state): FindingDraft[] {
    const file = state.application(applicationId);
    const d = file?.decision;
    if (!file || !d || d.outcome !== 'eligible' || d.policyOutcome !== 'ineligible') return [];
    const justification = d.justification?.trim() ? d.justification.trim() : null;
    const stream = streams.application(applicationId);
    return [
      {
        discriminator: 'override',
        severity: justification ? 'medium' : 'high',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id],
        evidence: [
          { eventId: file.submitted_event_id, stream },
          { eventId: d.eventId, stream },
        ],
        summary: decisionContradictsPolicySummary({
          decisionNo: d.decisionNo, decidedAt: d.decidedAt, applicationId, projectId: file.project_id, policyVersion: d.policyVersion, policyReasons: d.policyReasons, justification: justification || null,
        }),
        details: {
          decisionNo: d.decisionNo,
          decidedBy: d.decidedBy,
          decidedAt: d.decidedAt,
          recordedBy: d.recordedBy,
          recordedAt: d.recordedAt,
          justification,
          boardReasons: d.reasons,
          policyVersion: d.policyVersion,
          policyOutcome: d.policyOutcome,
          policyReasons: d.policyReasons,
        },
      },
    ];
  },
});

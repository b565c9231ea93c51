import type { EntityManager } from 'typeorm';
import type { EligibilityDecided } from '../../../src/applications/domain/application.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';
import type { Detector, FindingDraft } from './sql-detector';
import { decisionContradictsPolicySummary } from '../../../projections/detectors/summaries/decision-contradicts-policy.summary';

/** The decision in force as rm_applications keeps it: the event's payload and where it came from. */
type Decision = EligibilityDecided['data'] & { eventId: string; recordedAt: string; recordedBy: string };

interface DecidedFile {
  application_id: string;
  province_code: string;
  citizen_id: string;
  project_id: string;
  submitted_event_id: string;
  decision: Decision | null;
}


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
export const decisionContradictsPolicy: Detector = {
  name: 'decision-contradicts-policy',

  keysOf(event: ReadSideEvent): Promise<string[]> {
    if (event.type !== 'EligibilityDecided') return Promise.resolve([]);
    return Promise.resolve([as<EligibilityDecided>(event).applicationId]);
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const file = (await tx.query<DecidedFile[]>(
      'SELECT application_id, province_code, citizen_id, project_id, submitted_event_id, decision FROM rm_applications WHERE application_id = $1',
      [applicationId],
    )).at(0);
    const d = file?.decision;
    if (!d || d.outcome !== 'eligible' || d.policyOutcome !== 'ineligible') return [];
    const justification = d.justification?.trim() ? d.justification.trim() : null;
    const stream = `application-${applicationId}`;
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
};

import { problemsOf } from '../../src/population/domain/check-problems';
import { streams } from '../../src/shared/streams';
import { failingSinceOf } from '../population/population-check.read-model';
import { detector, type FindingDraft } from './detector';
import { decidedDespiteCheckSummary, personMismatchSummary } from './summaries/registry-mismatch.summary';

/**
 * Detector 4: the police check says a person of the file is unknown, deceased, owns housing, or
 * lives in another household than declared (POLICY.md "Who verifies what"); and an "eligible"
 * decision recorded after such a check is a finding of its own, until a clean check: checks that
 * keep failing do not clear it. A later clean check closes them.
 */
export const registryMismatch = detector({
  name: 'registry-mismatch',

  keysOf(event) {
    return event.kind === 'application' && (event.type === 'PopulationCheckRecorded' || event.type === 'EligibilityDecided') ? [event.data.applicationId] : [];
  },

  evaluate(applicationId, state): FindingDraft[] {
    const file = state.application(applicationId);
    const check = state.populationCheck(applicationId);
    if (!file || !check) return [];
    const checkEvidence = { eventId: check.event_id, stream: streams.application(applicationId) };
    const drafts: FindingDraft[] = check.persons.flatMap((p) =>
      problemsOf(p).map((m) => ({
        discriminator: `${p.citizenId}:${m.kind}`,
        severity: m.severity,
        provinceCode: file.province_code,
        citizenIds: m.citizenIds,
        evidence: [checkEvidence],
        summary: personMismatchSummary(applicationId, p.role, p.citizenId, m.text),
        details: { kind: m.kind, role: p.role, check: p },
      })),
    );
    const decision = file.decision;
    const failingSince = failingSinceOf(check);
    if (failingSince !== undefined && decision?.outcome === 'eligible' && Date.parse(decision.recordedAt) > Date.parse(failingSince)) {
      drafts.push({
        discriminator: 'eligible-after-failed-check',
        severity: 'high',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id],
        evidence: [checkEvidence, { eventId: decision.eventId, stream: streams.application(applicationId) }],
        summary: decidedDespiteCheckSummary(applicationId, drafts.length),
        details: { problems: drafts.map((d) => d.details.kind) },
      });
    }
    return drafts;
  },
});

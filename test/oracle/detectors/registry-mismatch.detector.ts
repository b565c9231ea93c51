import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import type { PersonCheck } from '../../../src/population/domain/population-check.events';
import { problemsOf } from '../../../src/population/domain/check-problems';
import type { Detector, FindingDraft } from './sql-detector';
import { decidedDespiteCheckSummary, personMismatchSummary } from '../../../projections/detectors/summaries/registry-mismatch.summary';

interface CheckedFile {
  application_id: string;
  province_code: string;
  citizen_id: string;
  decision: { outcome: string; eventId: string; recordedAt: string } | null;
  submitted_event_id: string;
  check_event_id: string;
  check_recorded_at: string;
  failing_since: string | null;
  persons: PersonCheck[];
}

/**
 * Detector 4: the police check says a person of the file is unknown, deceased, owns housing, or
 * lives in another household than declared (POLICY.md "Who verifies what"); and an "eligible"
 * decision recorded after such a check is a finding of its own, until a clean check. A later clean check closes them.
 */
export const registryMismatch: Detector = {
  name: 'registry-mismatch',

  keysOf(event: ReadSideEvent): Promise<string[]> {
    return Promise.resolve(event.type === 'PopulationCheckRecorded' || event.type === 'EligibilityDecided' ? [event.data.applicationId as string] : []);
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const file = (await tx.query<CheckedFile[]>(
      `SELECT a.application_id, a.province_code, a.citizen_id, a.decision, a.submitted_event_id, c.event_id AS check_event_id,
         c.recorded_at AS check_recorded_at, c.failing_since, c.persons
       FROM rm_applications a JOIN rm_population_checks c USING (application_id) WHERE a.application_id = $1`,
      [applicationId],
    )).at(0);
    if (!file) return [];
    const checkEvidence = { eventId: file.check_event_id, stream: `application-${applicationId}` };
    const drafts: FindingDraft[] = file.persons.flatMap((p) =>
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
    if (drafts.length > 0 && decision?.outcome === 'eligible' && Date.parse(decision.recordedAt) > Date.parse(file.failing_since ?? file.check_recorded_at)) {
      drafts.push({
        discriminator: 'eligible-after-failed-check',
        severity: 'high',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id],
        evidence: [checkEvidence, { eventId: decision.eventId, stream: `application-${applicationId}` }],
        summary: decidedDespiteCheckSummary(applicationId, drafts.length),
        details: { problems: drafts.map((d) => d.details.kind) },
      });
    }
    return drafts;
  },
};

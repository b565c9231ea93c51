import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { normalizeName } from '../../../src/shared/identity/normalize-name';
import type { Detector, FindingDraft } from './sql-detector';
import { decidedByHouseholdSummary, receivedAndDecidedSummary } from '../../../projections/detectors/summaries/conflict-of-interest.summary';

interface DecidedFile {
  application_id: string;
  province_code: string;
  citizen_id: string;
  received_by: string;
  submitted_event_id: string;
  decision: { decidedBy: string; eventId: string; outcome: string } | null;
}

interface Member {
  citizen_id: string;
  full_name: string;
  role: string;
}

/**
 * Detector 9: one officer both received and decided the same file, or the deciding officer bears
 * the name of someone in the applicant's declared household. Officers are recorded by name, so
 * both are name matches (without diacritics, case or titles after a comma); the registry check of
 * DESIGN.md (officer in the applicant's household per the population registry) needs officers'
 * citizen ids, which the write side does not record yet.
 */
export const conflictOfInterest: Detector = {
  name: 'conflict-of-interest',

  keysOf(event: ReadSideEvent): Promise<string[]> {
    return Promise.resolve(event.type === 'EligibilityDecided' || event.type === 'ApplicationAmended' ? [event.data.applicationId as string] : []);
  },

  async evaluate(applicationId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const file = (await tx.query<DecidedFile[]>(
      'SELECT application_id, province_code, citizen_id, received_by, submitted_event_id, decision FROM rm_applications WHERE application_id = $1',
      [applicationId],
    )).at(0);
    if (!file?.decision) return [];
    const decider = officer(file.decision.decidedBy);
    const evidence = [
      { eventId: file.submitted_event_id, stream: `application-${applicationId}` },
      { eventId: file.decision.eventId, stream: `application-${applicationId}` },
    ];
    const drafts: FindingDraft[] = [];
    if (decider !== '' && decider === officer(file.received_by)) {
      drafts.push({
        discriminator: 'received-and-decided',
        severity: 'medium',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id],
        evidence,
        summary: receivedAndDecidedSummary(file.decision.decidedBy, applicationId),
        details: { receivedBy: file.received_by, decidedBy: file.decision.decidedBy, outcome: file.decision.outcome },
      });
    }
    const members = await tx.query<Member[]>('SELECT citizen_id, full_name, role FROM rm_people WHERE application_id = $1', [applicationId]);
    for (const member of members.filter((m) => officer(m.full_name) === decider)) {
      drafts.push({
        discriminator: `household:${member.citizen_id}`,
        severity: 'high',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id, member.citizen_id],
        evidence,
        summary: decidedByHouseholdSummary(applicationId, file.decision.decidedBy, member.role, member.citizen_id),
        details: { decidedBy: file.decision.decidedBy, member },
      });
    }
    return drafts;
  },
};

/** "Nguyễn Văn An, Phó Giám đốc Sở Xây dựng" and "NGUYEN VAN AN" are one officer. */
function officer(recorded: string): string {
  return normalizeName(recorded.split(',')[0]);
}

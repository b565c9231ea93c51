import { normalizeName } from '../../src/shared/identity/normalize-name';
import { streams } from '../../src/shared/streams';
import { detector, type FindingDraft } from './detector';
import { decidedByHouseholdSummary, receivedAndDecidedSummary } from './summaries/conflict-of-interest.summary';

/** Boards have few officers: their normalised names are worked out once (bounded, in case a log names many). */
const officers = new Map<string, string>();
const OFFICERS_KEPT = 10_000;

/** "Nguyễn Văn An, Phó Giám đốc Sở Xây dựng" and "NGUYEN VAN AN" are one officer. */
function officer(recorded: string): string {
  let name = officers.get(recorded);
  if (name === undefined) {
    name = normalizeName(recorded.split(',')[0]);
    if (officers.size >= OFFICERS_KEPT) officers.clear();
    officers.set(recorded, name);
  }
  return name;
}

/**
 * Detector 9: one officer both received and decided the same file, or the deciding officer bears
 * the name of someone in the applicant's declared household. Officers are recorded by name, so
 * both are name matches (without diacritics, case or titles after a comma); the registry check of
 * DESIGN.md (officer in the applicant's household per the population registry) needs officers'
 * citizen ids, which the write side does not record yet.
 */
export const conflictOfInterest = detector({
  name: 'conflict-of-interest',

  keysOf(event) {
    return event.kind === 'application' && (event.type === 'EligibilityDecided' || event.type === 'ApplicationAmended') ? [event.data.applicationId] : [];
  },

  evaluate(applicationId, state): FindingDraft[] {
    const file = state.application(applicationId);
    if (!file?.decision) return [];
    const decision = file.decision;
    const decider = officer(decision.decidedBy);
    const stream = streams.application(applicationId);
    const evidence = [
      { eventId: file.submitted_event_id, stream },
      { eventId: decision.eventId, stream },
    ];
    const drafts: FindingDraft[] = [];
    if (decider !== '' && decider === officer(file.received_by)) {
      drafts.push({
        discriminator: 'received-and-decided',
        severity: 'medium',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id],
        evidence,
        summary: receivedAndDecidedSummary(decision.decidedBy, applicationId),
        details: { receivedBy: file.received_by, decidedBy: decision.decidedBy, outcome: decision.outcome },
      });
    }
    // A declared name without a comma is its own normalised name already.
    for (const m of state.peopleOfApplication(applicationId).filter((p) => (p.full_name.includes(',') ? officer(p.full_name) : p.name_norm) === decider)) {
      drafts.push({
        discriminator: `household:${m.citizen_id}`,
        severity: 'high',
        provinceCode: file.province_code,
        citizenIds: [file.citizen_id, m.citizen_id],
        evidence,
        summary: decidedByHouseholdSummary(applicationId, decision.decidedBy, m.role, m.citizen_id),
        details: { decidedBy: decision.decidedBy, member: { citizen_id: m.citizen_id, full_name: m.full_name, role: m.role } },
      });
    }
    return drafts;
  },
});

import { currentProvince } from '../../src/shared/identity/province-mergers';
import { byRecordedAt, compareText } from '../engine/compare-text';
import { detector, type FindingDraft } from './detector';
import { duplicateApplicantSummary } from './summaries/duplicate-applicant.summary';

/**
 * Detector 1: one citizen id in two or more live applications or benefits, whatever the project
 * or province (a household applies to one project at a time: Decree 100/2024 Art. 38 as amended;
 * one benefit per person: Housing Law Art. 88(6)–(7)). Withdrawing the extra file before any
 * benefit closes the finding.
 */
export const duplicateApplicant = detector({
  name: 'duplicate-applicant',

  keysOf(event, state) {
    if (event.kind === 'application') {
      if (event.type === 'ApplicationSubmitted') return [event.data.applicant.citizenId];
      if (event.type === 'ApplicationWithdrawn') {
        const a = state.application(event.data.applicationId);
        return a ? [a.citizen_id] : [];
      }
    }
    if (event.kind === 'person') return [event.data.citizenId];
    return [];
  },

  evaluate(citizenId, state): FindingDraft[] {
    const files = state.applicationsOfCitizen(citizenId).filter((a) => a.status !== 'withdrawn').sort(byRecordedAt);
    const claims = state.claimsOfCitizen(citizenId).filter((c) => c.live).sort((x, y) => compareText(x.claim_id, y.claim_id));
    if (files.length < 2 && claims.length < 2) return [];
    const provinces = [...new Set([...files.map((f) => currentProvince(f.province_code)), ...claims.map((c) => currentProvince(c.province_code))])];
    return [
      {
        discriminator: 'citizen',
        severity: claims.length >= 2 ? 'high' : 'medium',
        provinceCode: provinces[provinces.length - 1],
        citizenIds: [citizenId],
        evidence: [
          ...files.map((f) => ({ eventId: f.submitted_event_id, stream: `application-${f.application_id}` })),
          ...claims.map((c) => ({ eventId: c.claimed_event_id, stream: `person-${citizenId}` })),
        ],
        summary: duplicateApplicantSummary(citizenId, claims.length, files.map((f) => f.project_id)),
        details: { applications: files.map((f) => f.application_id), claims: claims.map((c) => c.claim_id), provinces },
      },
    ];
  },
});

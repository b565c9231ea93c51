import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { currentProvince } from '../../../src/shared/identity/province-mergers';
import type { Detector, FindingDraft } from './sql-detector';
import { duplicateApplicantSummary } from '../../../projections/detectors/summaries/duplicate-applicant.summary';

interface LiveFile {
  application_id: string;
  province_code: string;
  project_id: string;
  status: string;
  submitted_event_id: string;
}

interface LiveClaim {
  claim_id: string;
  province_code: string;
  claimed_event_id: string;
}

/**
 * Detector 1: one citizen id in two or more live applications or benefits, whatever the project
 * or province (a household applies to one project at a time: Decree 100/2024 Art. 38 as amended;
 * one benefit per person: Housing Law Art. 88(6)–(7)). Withdrawing the extra file before any
 * benefit closes the finding.
 */
export const duplicateApplicant: Detector = {
  name: 'duplicate-applicant',

  async keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]> {
    switch (event.type) {
      case 'ApplicationSubmitted':
        return [(event.data.applicant as { citizenId: string }).citizenId];
      case 'ApplicationWithdrawn': {
        const rows = await tx.query<{
          citizen_id: string;
        }[]>('SELECT citizen_id FROM rm_applications WHERE application_id = $1', [event.data.applicationId]);
        return rows.map((r) => r.citizen_id);
      }
      case 'BenefitClaimed':
      case 'BenefitReleased':
        return [event.data.citizenId as string];
      default:
        return [];
    }
  },

  async evaluate(citizenId: string, tx: EntityManager): Promise<FindingDraft[]> {
    const files = await tx.query<LiveFile[]>(
      `SELECT application_id, province_code, project_id, status, submitted_event_id FROM rm_applications
       WHERE citizen_id = $1 AND status <> 'withdrawn' ORDER BY recorded_at, application_id`,
      [citizenId],
    );
    const claims = await tx.query<LiveClaim[]>(
      'SELECT claim_id, province_code, claimed_event_id FROM rm_claims WHERE citizen_id = $1 AND live ORDER BY claim_id',
      [citizenId],
    );
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
};

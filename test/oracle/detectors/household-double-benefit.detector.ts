import type { EntityManager } from 'typeorm';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { currentProvince } from '../../../src/shared/identity/province-mergers';
import type { Detector, Evidence, FindingDraft } from './sql-detector';
import { householdDoubleBenefitSummary, householdLinkVi, otherBenefitVi } from '../../../projections/detectors/summaries/household-double-benefit.summary';

interface Link {
  application_id: string;
  applicant_id: string;
  role_a: string;
  role_b: string;
  event_a: string;
  event_b: string;
}
interface Claim { citizen_id: string; claim_id: string; project_id: string; unit_no: string; province_code: string; claimed_event_id: string }
interface LiveFile { citizen_id: string; application_id: string; project_id: string; submitted_event_id: string }

/** The pair a finding is about, one key per unordered pair so the finding has one id whichever side moved. */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/**
 * Every pair of a citizen in `ids` with someone declared in one file with them (withdrawn files
 * too: the link may just have gone) where one of the two holds a live benefit: without one no
 * finding can hold, and the findings that just stopped holding come back through openKeysOn.
 */
async function pairsOf(ids: string[], tx: EntityManager): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await tx.query<{ a: string; b: string }[]>(
    `SELECT DISTINCT p1.citizen_id AS a, p2.citizen_id AS b FROM rm_people p1 JOIN rm_people p2 USING (application_id)
     WHERE p1.citizen_id = ANY($1) AND p2.citizen_id <> p1.citizen_id
       AND EXISTS (SELECT 1 FROM rm_claims c WHERE c.live AND c.citizen_id IN (p1.citizen_id, p2.citizen_id))`,
    [ids],
  );
  return rows.map((r) => pairKey(r.a, r.b));
}

/** Findings resting on a stream whose people may have left it (an amendment, a withdrawal): they must be looked at again. */
async function openKeysOn(stream: string, tx: EntityManager): Promise<string[]> {
  const rows = await tx.query<{ finding_key: string }[]>(`SELECT finding_key FROM findings WHERE detector = $1 AND status = 'open' AND streams @> ARRAY[$2]::text[]`, [
    'household-double-benefit', stream,
  ]);
  return rows.map((r) => r.finding_key);
}

function relation(link: Link, a: string, b: string): string {
  if (link.role_a === 'applicant') return householdLinkVi.roleOf(b, link.role_b, a, link.application_id);
  if (link.role_b === 'applicant') return householdLinkVi.roleOf(a, link.role_a, b, link.application_id);
  return householdLinkVi.sameHousehold(link.applicant_id, link.application_id);
}

/**
 * Detector 2: one benefit per household (Housing Law Art. 79(1)(e); Art. 78 judges the applicant
 * and spouse together). Raised for a pair of citizens declared in one file (applicant and
 * household member, or two members) when one holds a live benefit claim and the other holds one
 * too (high) or has a live application (medium). Key: the sorted pair of citizen ids.
 * - A withdrawn file declares no household: its members are not linked by it.
 * - A live application is an open file whose decision in force is not "ineligible": a refused
 *   spouse asks for nothing, and an allocated file is counted through its benefit claim instead.
 * Closes when the claim is released, the other file is withdrawn or refused, or an amendment
 * removes the link.
 */
export const householdDoubleBenefit: Detector = {
  name: 'household-double-benefit',

  async keysOf(event: ReadSideEvent, tx: EntityManager): Promise<string[]> {
    let ids: string[];
    switch (event.type) {
      case 'BenefitClaimed':
      case 'BenefitReleased':
        ids = [event.data.citizenId as string];
        break;
      case 'ApplicationSubmitted':
      case 'ApplicationAmended':
      case 'ApplicationWithdrawn':
      case 'EligibilityDecided': {
        const rows = await tx.query<{ citizen_id: string }[]>('SELECT citizen_id FROM rm_people WHERE application_id = $1', [event.data.applicationId]);
        ids = rows.map((r) => r.citizen_id);
        break;
      }
      default:
        return [];
    }
    return [...new Set([...(await pairsOf(ids, tx)), ...(await openKeysOn(event.stream, tx))])].sort();
  },

  async evaluate(key: string, tx: EntityManager): Promise<FindingDraft[]> {
    const [a, b] = key.split('|');
    const links = await tx.query<Link[]>(
      `SELECT f.application_id, f.citizen_id AS applicant_id, pa.role AS role_a, pb.role AS role_b, pa.event_id AS event_a, pb.event_id AS event_b
       FROM rm_people pa JOIN rm_people pb USING (application_id) JOIN rm_applications f USING (application_id)
       WHERE pa.citizen_id = $1 AND pb.citizen_id = $2 AND f.status <> 'withdrawn' ORDER BY f.recorded_at, f.application_id`,
      [a, b],
    );
    if (links.length === 0) return [];
    const claims = await tx.query<Claim[]>(
      `SELECT citizen_id, claim_id, project_id, unit_no, province_code, claimed_event_id FROM rm_claims
       WHERE citizen_id = ANY($1) AND live ORDER BY citizen_id, claim_id`,
      [[a, b]],
    );
    const files = await tx.query<LiveFile[]>(
      `SELECT citizen_id, application_id, project_id, submitted_event_id FROM rm_applications
       WHERE citizen_id = ANY($1) AND status = 'open' AND (decision IS NULL OR decision->>'outcome' <> 'ineligible')
       ORDER BY citizen_id, recorded_at, application_id`,
      [[a, b]],
    );
    const claimsOf = (id: string) => claims.filter((c) => c.citizen_id === id);
    const filesOf = (id: string) => files.filter((f) => f.citizen_id === id);
    // The beneficiary: the one with a live claim (a first when both have one).
    const beneficiary = claimsOf(a).length > 0 ? a : b;
    const other = beneficiary === a ? b : a;
    if (claimsOf(beneficiary).length === 0 || (claimsOf(other).length === 0 && filesOf(other).length === 0)) return [];

    const bothBenefit = claimsOf(other).length > 0;
    const evidence: Evidence[] = [];
    const add = (e: Evidence): void => {
      if (!evidence.some((x) => x.eventId === e.eventId)) evidence.push(e);
    };
    for (const c of claimsOf(beneficiary)) add({ eventId: c.claimed_event_id, stream: `person-${beneficiary}` });
    for (const l of links) for (const eventId of [l.event_a, l.event_b]) add({ eventId, stream: `application-${l.application_id}` });
    for (const c of claimsOf(other)) add({ eventId: c.claimed_event_id, stream: `person-${other}` });
    if (!bothBenefit) for (const f of filesOf(other)) add({ eventId: f.submitted_event_id, stream: `application-${f.application_id}` });

    const held = claimsOf(beneficiary)[0];
    const also = bothBenefit
      ? otherBenefitVi.benefit(claimsOf(other)[0].unit_no, claimsOf(other)[0].project_id)
      : otherBenefitVi.applications(filesOf(other).map((f) => ({ applicationId: f.application_id, projectId: f.project_id })));
    return [
      {
        discriminator: 'household',
        // Two benefits in one household break Art. 79(1)(e); an application can still be refused.
        severity: bothBenefit ? 'high' : 'medium',
        provinceCode: currentProvince(held.province_code),
        citizenIds: [a, b],
        evidence,
        summary: householdDoubleBenefitSummary({ beneficiary, unitNo: held.unit_no, projectId: held.project_id, other, also, link: relation(links[0], a, b) }),
        details: {
          beneficiary,
          member: other,
          links: links.map((l) => ({ applicationId: l.application_id, roles: { [a]: l.role_a, [b]: l.role_b } })),
          claims: claims.map((c) => ({ citizenId: c.citizen_id, claimId: c.claim_id, projectId: c.project_id, unitNo: c.unit_no })),
          liveApplications: files.map((f) => ({ citizenId: f.citizen_id, applicationId: f.application_id, projectId: f.project_id })),
        },
      },
    ];
  },
};

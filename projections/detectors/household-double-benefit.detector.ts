import { currentProvince } from '../../src/shared/identity/province-mergers';
import { streams } from '../../src/shared/streams';
import { byRecordedAt, compareText } from '../engine/compare-text';
import type { LedgerState } from '../engine/ledger-state';
import type { ApplicationRow, PersonRow } from '../engine/rows';
import { detector, type Evidence, type FindingDraft } from './detector';
import { householdDoubleBenefitSummary, householdLinkVi, otherBenefitVi } from './summaries/household-double-benefit.summary';

const NAME = 'household-double-benefit';

/** The pair a finding is about, one key per unordered pair so the finding has one id whichever side moved. */
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

const hasLiveClaim = (state: LedgerState, citizenId: string) => state.claimsOfCitizen(citizenId).some((c) => c.live);

/**
 * Every pair of a citizen in `ids` with someone declared in one file with them (withdrawn files
 * too: the link may just have gone) where one of the two holds a live benefit: without one no
 * finding can hold, and the findings that just stopped holding come back through the open ones.
 */
function pairsOf(state: LedgerState, ids: readonly string[]): string[] {
  const pairs = new Set<string>();
  for (const id of new Set(ids)) {
    for (const p1 of state.peopleOfCitizen(id)) {
      for (const p2 of state.peopleOfApplication(p1.application_id)) {
        if (p2.citizen_id === p1.citizen_id) continue;
        if (hasLiveClaim(state, p1.citizen_id) || hasLiveClaim(state, p2.citizen_id)) pairs.add(pairKey(p1.citizen_id, p2.citizen_id));
      }
    }
  }
  return [...pairs];
}

interface Link { application: ApplicationRow; a: PersonRow; b: PersonRow }

function relation(link: Link, a: string, b: string): string {
  const id = link.application.application_id;
  if (link.a.role === 'applicant') return householdLinkVi.roleOf(b, link.b.role, a, id);
  if (link.b.role === 'applicant') return householdLinkVi.roleOf(a, link.a.role, b, id);
  return householdLinkVi.sameHousehold(link.application.citizen_id, id);
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
export const householdDoubleBenefit = detector({
  name: NAME,

  keysOf(event, state) {
    let ids: string[];
    if (event.kind === 'person') ids = [event.data.citizenId];
    else if (event.kind === 'application' && (event.type === 'ApplicationSubmitted' || event.type === 'ApplicationAmended'
      || event.type === 'ApplicationWithdrawn' || event.type === 'EligibilityDecided')) {
      ids = state.peopleOfApplication(event.data.applicationId).map((p) => p.citizen_id);
    } else return [];
    return [...new Set([...pairsOf(state, ids), ...state.openFindingKeysOn(NAME, event.stream)])].sort();
  },

  evaluate(key, state): FindingDraft[] {
    const [a, b] = key.split('|');
    const links: Link[] = [];
    for (const pa of state.peopleOfCitizen(a)) {
      const pb = state.person(b, pa.application_id);
      const application = state.application(pa.application_id);
      if (pb && application && application.status !== 'withdrawn') links.push({ application, a: pa, b: pb });
    }
    if (links.length === 0) return [];
    links.sort((x, y) => byRecordedAt(x.application, y.application));
    const claims = [a, b].sort(compareText).flatMap((id) => state.claimsOfCitizen(id).filter((c) => c.live).sort((x, y) => compareText(x.claim_id, y.claim_id)));
    const files = [a, b].sort(compareText).flatMap((id) => state.applicationsOfCitizen(id)
      .filter((f) => f.status === 'open' && f.decision?.outcome !== 'ineligible').sort(byRecordedAt));
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
    for (const c of claimsOf(beneficiary)) add({ eventId: c.claimed_event_id, stream: streams.person(beneficiary) });
    for (const l of links) for (const eventId of [l.a.event_id, l.b.event_id]) add({ eventId, stream: streams.application(l.application.application_id) });
    for (const c of claimsOf(other)) add({ eventId: c.claimed_event_id, stream: streams.person(other) });
    if (!bothBenefit) for (const f of filesOf(other)) add({ eventId: f.submitted_event_id, stream: streams.application(f.application_id) });

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
          links: links.map((l) => ({ applicationId: l.application.application_id, roles: { [a]: l.a.role, [b]: l.b.role } })),
          claims: claims.map((c) => ({ citizenId: c.citizen_id, claimId: c.claim_id, projectId: c.project_id, unitNo: c.unit_no })),
          liveApplications: files.map((f) => ({ citizenId: f.citizen_id, applicationId: f.application_id, projectId: f.project_id })),
        },
      },
    ];
  },
});

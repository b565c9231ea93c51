import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';

/** rm_claims: every benefit a citizen was granted, live or ended. */
export function applyClaimEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind !== 'person') return;
  if (event.type === 'BenefitClaimed') {
    const d = event.data;
    state.addClaim({
      claim_id: d.claimId, citizen_id: d.citizenId, province_code: d.provinceCode, project_id: d.projectId, unit_no: d.unitNo,
      application_id: d.applicationId, tenure: d.tenure, live: true, claimed_event_id: event.eventId, released_event_id: null,
    });
  } else {
    const c = state.claims.get(event.data.claimId);
    if (!c) return;
    c.live = false;
    c.released_event_id = event.eventId;
    state.claims.touch(c);
  }
}

import type { EntityManager } from 'typeorm';
import type { BenefitClaimed, BenefitReleased } from '../../../src/allocation/domain/person-claim.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { as } from '../ledger/read-model';

/** rm_claims: every benefit a citizen was granted, live or ended. */
export async function applyClaimEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (event.type === 'BenefitClaimed') {
    const d = as<BenefitClaimed>(event);
    await tx.query(
      `INSERT INTO rm_claims (claim_id, citizen_id, province_code, project_id, unit_no, application_id, tenure, live, claimed_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, true, $8)`,
      [d.claimId, d.citizenId, d.provinceCode, d.projectId, d.unitNo, d.applicationId, d.tenure, event.eventId],
    );
  } else if (event.type === 'BenefitReleased') {
    const d = as<BenefitReleased>(event);
    await tx.query('UPDATE rm_claims SET live = false, released_event_id = $2 WHERE claim_id = $1', [d.claimId, event.eventId]);
  }
}

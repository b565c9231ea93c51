import type { EntityManager } from 'typeorm';
import type {
  ApplicationAllocationRevoked, ApplicationAmended, ApplicationSubmitted, ApplicationUnitAllocated, EligibilityDecided, PriorityRanked,
} from '../../../src/applications/domain/application.events';
import type { ReadSideEvent } from '../../../src/event-store/event-store.port';
import { normalizeName } from '../../../src/shared/identity/normalize-name';
import { as } from '../ledger/read-model';

/** rm_applications and rm_people: every file, and every citizen id seen in one (applicant or household). */
export async function applyApplicationEvent(event: ReadSideEvent, tx: EntityManager): Promise<void> {
  if (!event.stream.startsWith('application-')) return;
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const d = as<ApplicationSubmitted>(event);
      await tx.query(
        `INSERT INTO rm_applications (application_id, project_id, province_code, citizen_id, full_name, tenure, category,
           monthly_income_vnd, household, status, submitted_at, received_by, submitted_event_id, recorded_at, migrated_from)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $12, $13, $14)`,
        [d.applicationId, d.projectId, d.provinceCode, d.applicant.citizenId, d.applicant.fullName, d.tenure, d.category,
          d.monthlyIncomeVnd, JSON.stringify(d.household), d.submittedAt, d.receivedBy, event.eventId, event.metadata.recordedAt, d.migratedFrom ?? null],
      );
      await recordPeople(tx, event, d.applicationId, d.provinceCode, [{ ...d.applicant, relation: 'applicant' }, ...d.household]);
      return;
    }
    case 'ApplicationAmended': {
      const { applicationId, changes } = as<ApplicationAmended>(event);
      await tx.query(
        `UPDATE rm_applications SET tenure = COALESCE($2, tenure), category = COALESCE($3, category),
           monthly_income_vnd = COALESCE($4, monthly_income_vnd), household = COALESCE($5, household), decision = NULL,
           population_check_due = population_check_due OR $5 IS NOT NULL
         WHERE application_id = $1`,
        [applicationId, changes.tenure ?? null, changes.category ?? null, changes.monthlyIncomeVnd ?? null,
          changes.household ? JSON.stringify(changes.household) : null],
      );
      if (changes.household) {
        const [{ province_code, citizen_id }] = await tx.query<{ province_code: string; citizen_id: string }[]>(
          'SELECT province_code, citizen_id FROM rm_applications WHERE application_id = $1', [applicationId],
        );
        await tx.query('DELETE FROM rm_people WHERE application_id = $1 AND citizen_id <> $2', [applicationId, citizen_id]);
        await recordPeople(tx, event, applicationId, province_code, changes.household);
      }
      return;
    }
    case 'ApplicationWithdrawn':
      await tx.query(`UPDATE rm_applications SET status = 'withdrawn', withdrawn_event_id = $2 WHERE application_id = $1`, [
        event.data.applicationId, event.eventId,
      ]);
      return;
    case 'EligibilityDecided': {
      const d = as<EligibilityDecided>(event);
      const decision = { ...d, eventId: event.eventId, recordedAt: event.metadata.recordedAt, recordedBy: event.metadata.actor.subject };
      // Every decision's dates are kept, not only the one in force: a backdated record stays evidence (detector 11).
      const dated = { eventId: event.eventId, decisionNo: d.decisionNo, outcome: d.outcome, decidedAt: d.decidedAt, decidedBy: d.decidedBy,
        recordedAt: event.metadata.recordedAt, recordedBy: event.metadata.actor.subject };
      await tx.query('UPDATE rm_applications SET decision = $2, decision_history = decision_history || jsonb_build_array($3::jsonb) WHERE application_id = $1', [
        d.applicationId, JSON.stringify(decision), JSON.stringify(dated),
      ]);
      return;
    }
    case 'PriorityRanked': {
      const d = as<PriorityRanked>(event);
      await tx.query('UPDATE rm_applications SET priority_rank = $2, rank_method = $3, rank_event_id = $4 WHERE application_id = $1', [
        d.applicationId, d.rank, d.method, event.eventId,
      ]);
      return;
    }
    case 'UnitAllocated': {
      const d = as<ApplicationUnitAllocated>(event);
      await tx.query(`UPDATE rm_applications SET status = 'allocated', allocation_id = $2, unit_no = $3 WHERE application_id = $1`, [
        d.applicationId, d.allocationId, d.unitNo,
      ]);
      return;
    }
    case 'AllocationRevoked': {
      // The file's own mirror, as its decider folds it: free again, to be allocated or withdrawn.
      // What the revocation means for the unit and for detector 5 comes from the unit stream's event.
      const d = as<ApplicationAllocationRevoked>(event);
      await tx.query(`UPDATE rm_applications SET status = 'revoked', allocation_id = NULL, unit_no = NULL WHERE application_id = $1`, [d.applicationId]);
      return;
    }
    default:
      return;
  }
}

type Named = { citizenId: string; fullName: string; dateOfBirth: string; gender?: string | null; relation: string };

async function recordPeople(tx: EntityManager, event: ReadSideEvent, applicationId: string, provinceCode: string, people: Named[]): Promise<void> {
  for (const p of people) {
    await tx.query(
      `INSERT INTO rm_people (citizen_id, application_id, role, full_name, name_norm, date_of_birth, gender, province_code, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (citizen_id, application_id) DO UPDATE SET role = EXCLUDED.role, full_name = EXCLUDED.full_name,
         name_norm = EXCLUDED.name_norm, date_of_birth = EXCLUDED.date_of_birth, gender = EXCLUDED.gender, event_id = EXCLUDED.event_id`,
      [p.citizenId, applicationId, p.relation, p.fullName, normalizeName(p.fullName), p.dateOfBirth, p.gender ?? null, provinceCode, event.eventId],
    );
  }
}

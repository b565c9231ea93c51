import type { HouseholdMember, Person } from '../../src/applications/domain/application.events';
import { normalizeName } from '../../src/shared/identity/normalize-name';
import type { LedgerEvent } from '../engine/ledger-event';
import type { LedgerState } from '../engine/ledger-state';
import type { ApplicationRow } from '../engine/rows';

/**
 * A file waiting for a unit (detector 8's queue): an "eligible" decision in force, neither withdrawn
 * nor holding an allocation. A revoked file waits again once decided anew: the decision in force at
 * its revocation is the one detector 5 will not take for a re-allocation.
 */
export function waitsForUnit(a: ApplicationRow): boolean {
  if (a.decision?.outcome !== 'eligible') return false;
  return a.status === 'open' || (a.status === 'revoked' && a.last_revocation?.decisionEventId !== a.decision.eventId);
}

/** rm_applications and rm_people: every file, and every citizen id seen in one (applicant or household). */
export function applyApplicationEvent(state: LedgerState, event: LedgerEvent): void {
  if (event.kind !== 'application') return;
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const d = event.data;
      state.addApplication({
        application_id: d.applicationId, project_id: d.projectId, province_code: d.provinceCode, citizen_id: d.applicant.citizenId,
        full_name: d.applicant.fullName, tenure: d.tenure, category: d.category, monthly_income_vnd: d.monthlyIncomeVnd, household: d.household,
        status: 'open', submitted_at: d.submittedAt, received_by: d.receivedBy, submitted_event_id: event.eventId, withdrawn_event_id: null,
        decision: null, priority_rank: null, rank_method: null, rank_event_id: null, allocation_id: null, unit_no: null,
        recorded_at: new Date(event.recordedAt).toISOString(), migrated_from: d.migratedFrom ?? null, decision_history: [], allocation_history: [], last_revocation: null, population_check_due: true,
      });
      recordPeople(state, event.eventId, d.applicationId, d.provinceCode, [{ ...d.applicant, relation: 'applicant' }, ...d.household]);
      return;
    }
    case 'ApplicationAmended': {
      const { applicationId, changes } = event.data;
      const a = state.application(applicationId);
      if (!a) return;
      a.tenure = changes.tenure ?? a.tenure;
      a.category = changes.category ?? a.category;
      a.monthly_income_vnd = changes.monthlyIncomeVnd ?? a.monthly_income_vnd;
      a.household = changes.household ?? a.household;
      // An amended file is decided again, and a changed household is checked again by the police.
      a.decision = null;
      a.population_check_due = a.population_check_due || changes.household !== undefined;
      state.applications.touch(a);
      if (changes.household) {
        for (const p of state.peopleOfApplication(applicationId)) if (p.citizen_id !== a.citizen_id) state.deletePerson(p);
        recordPeople(state, event.eventId, applicationId, a.province_code, changes.household);
      }
      return;
    }
    case 'ApplicationWithdrawn': {
      const a = state.application(event.data.applicationId);
      if (!a) return;
      a.status = 'withdrawn';
      a.withdrawn_event_id = event.eventId;
      state.applications.touch(a);
      return;
    }
    case 'EligibilityDecided': {
      const d = event.data;
      const a = state.application(d.applicationId);
      if (!a) return;
      a.decision = { ...d, eventId: event.eventId, recordedAt: event.recordedAt, recordedBy: event.recordedBy };
      // Every decision's dates are kept, not only the one in force: a backdated record stays evidence (detector 11).
      a.decision_history.push({ eventId: event.eventId, decisionNo: d.decisionNo, outcome: d.outcome, decidedAt: d.decidedAt,
        decidedBy: d.decidedBy, recordedAt: event.recordedAt, recordedBy: event.recordedBy });
      state.applications.touch(a);
      return;
    }
    case 'PriorityRanked': {
      const a = state.application(event.data.applicationId);
      if (!a) return;
      a.priority_rank = event.data.rank;
      a.rank_method = event.data.method;
      a.rank_event_id = event.eventId;
      state.applications.touch(a);
      return;
    }
    case 'UnitAllocated': {
      const a = state.application(event.data.applicationId);
      if (!a) return;
      a.status = 'allocated';
      a.allocation_id = event.data.allocationId;
      a.unit_no = event.data.unitNo;
      state.applications.touch(a);
      return;
    }
    case 'AllocationRevoked': {
      // The file's own mirror, as its decider folds it: free again, to be allocated or withdrawn.
      // What the revocation means for the unit and for detector 5 comes from the unit stream's event.
      const a = state.application(event.data.applicationId);
      if (!a) return;
      a.status = 'revoked';
      a.allocation_id = null;
      a.unit_no = null;
      state.applications.touch(a);
      return;
    }
    default:
      return;
  }
}

type Declared = Person & { relation: HouseholdMember['relation'] | 'applicant' };

function recordPeople(state: LedgerState, eventId: string, applicationId: string, provinceCode: string, people: Declared[]): void {
  for (const p of people) {
    const existing = state.person(p.citizenId, applicationId);
    state.putPerson({
      citizen_id: p.citizenId, application_id: applicationId, role: p.relation, full_name: p.fullName, name_norm: normalizeName(p.fullName),
      date_of_birth: p.dateOfBirth, gender: p.gender ?? null,
      // An existing declaration keeps the province it was first recorded under (the upsert does not rewrite it).
      province_code: existing?.province_code ?? provinceCode, event_id: eventId,
    });
  }
}

import { asIso, asNumber, type TableSpec } from './table';
import type {
  ApplicationRow, ClaimRow, FindingRow, LandFundRow, LotteryRow, PersonRow, PopulationCheckRow, ProgrammeTargetRow, ProjectRow, UnitRow,
} from './rows';

/** The ledger projection's tables, their keys and columns: the migrations' shape, written once here. */
export const PROJECTS: TableSpec<ProjectRow> = {
  name: 'rm_projects',
  pk: ['project_id'],
  columns: ['project_id', 'province_code', 'name', 'planned_units', 'released_units', 'event_id', 'release_event_ids', 'unreleased_allocations'],
};

export const APPLICATIONS: TableSpec<ApplicationRow> = {
  name: 'rm_applications',
  pk: ['application_id'],
  columns: [
    'application_id', 'project_id', 'province_code', 'citizen_id', 'full_name', 'tenure', 'category', 'monthly_income_vnd', 'household', 'status',
    'submitted_at', 'received_by', 'submitted_event_id', 'withdrawn_event_id', 'decision', 'priority_rank', 'rank_method', 'rank_event_id',
    'allocation_id', 'unit_no', 'recorded_at', 'migrated_from', 'decision_history', 'allocation_history', 'last_revocation', 'population_check_due',
  ],
  fromDatabase: (r) => ({ ...r, monthly_income_vnd: asNumber(r.monthly_income_vnd), recorded_at: asIso(r.recorded_at) }),
};

export const PEOPLE: TableSpec<PersonRow> = {
  name: 'rm_people',
  pk: ['citizen_id', 'application_id'],
  columns: ['citizen_id', 'application_id', 'role', 'full_name', 'name_norm', 'date_of_birth', 'gender', 'province_code', 'event_id'],
};

export const UNITS: TableSpec<UnitRow> = {
  name: 'rm_units',
  pk: ['project_id', 'unit_no'],
  columns: [
    'project_id', 'unit_no', 'province_code', 'floor_area_m2', 'tenure', 'price_vnd', 'status', 'allocation_id', 'application_id', 'citizen_id',
    'allocation_event_id', 'allocated_at', 'handed_over_at', 'fully_paid_at', 'holder_citizen_id', 'allocation_basis', 'release_event_id',
    'handover_event_id', 'transfers',
  ],
  fromDatabase: (r) => ({ ...r, price_vnd: asNumber(r.price_vnd) }),
};

export const CLAIMS: TableSpec<ClaimRow> = {
  name: 'rm_claims',
  pk: ['claim_id'],
  columns: ['claim_id', 'citizen_id', 'province_code', 'project_id', 'unit_no', 'application_id', 'tenure', 'live', 'claimed_event_id', 'released_event_id'],
};

export const LAND_FUND: TableSpec<LandFundRow> = {
  name: 'rm_land_fund',
  pk: ['commercial_project_id'],
  columns: [
    'commercial_project_id', 'name', 'province_code', 'required_area_m2', 'handed_over_m2', 'paid_in_lieu_vnd', 'discharged', 'due_date', 'event_ids',
    'overdue_event_id', 'overdue_seen_at',
  ],
  fromDatabase: (r) => ({
    ...r, required_area_m2: asNumber(r.required_area_m2), handed_over_m2: asNumber(r.handed_over_m2), paid_in_lieu_vnd: asNumber(r.paid_in_lieu_vnd),
  }),
};

export const PROGRAMME_TARGETS: TableSpec<ProgrammeTargetRow> = {
  name: 'rm_programme_targets',
  pk: ['province_code', 'period'],
  columns: ['province_code', 'period', 'units', 'event_id'],
};

export const POPULATION_CHECKS: TableSpec<PopulationCheckRow> = {
  name: 'rm_population_checks',
  pk: ['application_id'],
  columns: ['application_id', 'event_id', 'checked_at', 'recorded_at', 'persons', 'failing_since'],
};

export const FINDINGS: TableSpec<FindingRow> = {
  name: 'findings',
  pk: ['id'],
  columns: [
    'id', 'detector', 'finding_key', 'severity', 'province_code', 'citizen_ids', 'streams', 'evidence', 'summary', 'details', 'status',
    'first_seen_event_id', 'first_seen_position', 'closed_by_event_id', 'closed_at_position',
  ],
};

export const LOTTERIES: TableSpec<LotteryRow> = {
  name: 'rm_lotteries',
  pk: ['lottery_id'],
  columns: ['lottery_id', 'project_id', 'province_code', 'status', 'entrants', 'opened_event_id', 'drawn_event_id', 'eligible_at_opening', 'allocations_before_draw'],
};

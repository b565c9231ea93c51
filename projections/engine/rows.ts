import type { Tenure, TransferKind } from '../../src/allocation/domain/unit.events';
import type { EligibilityDecided, HouseholdMember } from '../../src/applications/domain/application.events';
import type { PersonCheck } from '../../src/population/domain/population-check.events';

/*
 * The read models' rows as the ledger keeps them in memory, named and shaped exactly as their
 * PostgreSQL columns (snake_case), so a batch is written with one jsonb_populate_recordset per table.
 * Nested jsonb values keep the camelCase of the payloads they come from.
 */

export interface UnreleasedAllocation { allocationId: string; unitNo: string; eventId: string; stream: string; decidedAt: string }

export interface ProjectRow {
  project_id: string;
  province_code: string;
  name: string;
  planned_units: number;
  released_units: number;
  event_id: string;
  release_event_ids: string[];
  unreleased_allocations: UnreleasedAllocation[];
}

/** The decision in force: the event's payload and where it came from. */
export type DecisionInForce = EligibilityDecided['data'] & { eventId: string; recordedAt: string; recordedBy: string };

/** One dated record of a file, kept for the backdating detector. */
export interface DatedDecision {
  eventId: string;
  decisionNo: string;
  outcome: string;
  decidedAt: string;
  decidedBy: string;
  recordedAt: string;
  recordedBy: string;
}
export interface DatedAllocation {
  allocationId: string;
  eventId: string;
  stream: string;
  projectId: string;
  unitNo: string;
  decisionNo: string;
  decidedBy: string;
  decidedAt: string;
  recordedAt: string;
  recordedBy: string;
}
export interface LastRevocation { allocationId: string; eventId: string; stream: string; decisionEventId: string | null }

export interface ApplicationRow {
  application_id: string;
  project_id: string;
  province_code: string;
  citizen_id: string;
  full_name: string;
  tenure: string;
  category: string;
  monthly_income_vnd: number;
  household: HouseholdMember[];
  status: string;
  submitted_at: string;
  received_by: string;
  submitted_event_id: string;
  withdrawn_event_id: string | null;
  decision: DecisionInForce | null;
  priority_rank: number | null;
  rank_method: string | null;
  rank_event_id: string | null;
  allocation_id: string | null;
  unit_no: string | null;
  /** ISO instant: orders files as the log recorded them. */
  recorded_at: string;
  /** The paper register of a migrated file (`--historical`); null for files received through the normal path. */
  migrated_from: string | null;
  decision_history: DatedDecision[];
  allocation_history: DatedAllocation[];
  last_revocation: LastRevocation | null;
  population_check_due: boolean;
}

export interface PersonRow {
  citizen_id: string;
  application_id: string;
  role: string;
  full_name: string;
  name_norm: string;
  date_of_birth: string;
  gender: string | null;
  province_code: string;
  event_id: string;
}

/** A better-ranked file that waited for a unit of its project and tenure when another file got one. */
export interface QueuedFile {
  applicationId: string;
  citizenId: string;
  rank: number;
  method: string | null;
  rankEventId: string | null;
}

/** The application as it stood when the unit stream recorded the allocation. */
export interface AllocationBasis {
  citedDecisionNo: string;
  /** Detector 8: the better-ranked files that waited at that moment, best first (empty for an unknown file). */
  queue: QueuedFile[];
  application: {
    status: string;
    decision: DecisionInForce | null;
    withdrawnEventId: string | null;
    submittedEventId: string;
    lastRevocation: LastRevocation | null;
  } | null;
}

/** A transfer with the facts of the moment it was recorded. */
export interface TransferRecord {
  eventId: string;
  kind: TransferKind;
  fromCitizenId: string | null;
  toCitizenId: string | null;
  priceVnd: number | null;
  transferredAt: string;
  handedOverAt: string | null;
  fullyPaidAt: string | null;
  handoverEventId: string | null;
  buyer: { applicationId: string; decisionEventId: string | null } | null;
}

export interface UnitRow {
  project_id: string;
  unit_no: string;
  province_code: string;
  floor_area_m2: number;
  tenure: Tenure;
  price_vnd: number;
  status: string;
  allocation_id: string | null;
  application_id: string | null;
  citizen_id: string | null;
  allocation_event_id: string | null;
  allocated_at: string | null;
  handed_over_at: string | null;
  fully_paid_at: string | null;
  holder_citizen_id: string | null;
  allocation_basis: AllocationBasis | null;
  release_event_id: string | null;
  handover_event_id: string | null;
  transfers: TransferRecord[];
}

export interface ClaimRow {
  claim_id: string;
  citizen_id: string;
  province_code: string;
  project_id: string;
  unit_no: string;
  application_id: string;
  tenure: string;
  live: boolean;
  claimed_event_id: string;
  released_event_id: string | null;
}

export interface LandFundRow {
  commercial_project_id: string;
  name: string;
  province_code: string;
  required_area_m2: number;
  handed_over_m2: number;
  paid_in_lieu_vnd: number;
  discharged: boolean;
  due_date: string;
  event_ids: string[];
  overdue_event_id: string | null;
  overdue_seen_at: string | null;
}

export interface ProgrammeTargetRow {
  province_code: string;
  period: string;
  units: number;
  event_id: string;
}

export interface PopulationCheckRow {
  application_id: string;
  event_id: string;
  checked_at: string;
  recorded_at: string;
  persons: PersonCheck[];
  /**
   * When the file's checks began to fail without a clean one since (recorded_at of the first of
   * them); null when this one is clean, or for a failing check recorded before the column existed.
   */
  failing_since: string | null;
}

/** A file eligible (decision in force, not withdrawn) when its project's lottery was opened. */
export interface EligibleAtOpening { applicationId: string; citizenId: string; decisionEventId: string }
/** An allocation of the project recorded while its lottery was not yet drawn. */
export interface AllocationBeforeDraw { allocationId: string; unitNo: string; applicationId: string; citizenId: string; eventId: string; stream: string }

export interface LotteryRow {
  lottery_id: string;
  project_id: string;
  province_code: string;
  status: 'open' | 'drawn';
  entrants: string[];
  opened_event_id: string;
  drawn_event_id: string | null;
  /** Taken from the applications as they stood when LotteryOpened was applied. */
  eligible_at_opening: EligibleAtOpening[];
  allocations_before_draw: AllocationBeforeDraw[];
}

export interface Evidence {
  eventId: string;
  stream: string;
}

export interface FindingRow {
  id: string;
  detector: string;
  finding_key: string;
  severity: string;
  province_code: string | null;
  citizen_ids: string[];
  streams: string[];
  evidence: Evidence[];
  summary: string;
  details: Record<string, unknown>;
  status: 'open' | 'closed';
  first_seen_event_id: string;
  first_seen_position: string;
  closed_by_event_id: string | null;
  closed_at_position: string | null;
}

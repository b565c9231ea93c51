import fc from 'fast-check';
import { TENURES, TRANSFER_KINDS, type Tenure, type TransferKind } from '../../src/allocation/domain/unit.events';
import { HOUSEHOLD_RELATIONS, type HouseholdRelation } from '../../src/applications/domain/application.events';
import { PROGRAMME_PERIODS, type ProgrammePeriod } from '../../src/programmes/domain/programme.events';
import { interpret } from './ledger-history.interpreter';
import { APPLICATIONS, LAND_FUNDS, PEOPLE, PROJECTS, PROVINCES, UNIT_NOS } from './ledger-history.pools';
import type { History } from './ledger-history.types';

/**
 * What a board, the police or an inspector tries to do next. Numbers are pool indices or
 * selectors among the candidates the interpreter finds in its state (so a "revoke" lands on a unit
 * that is allocated); the interpreter drops what the write side could never write. Keeping the
 * arbitrary this dumb lets fast-check shrink a failing history step by step.
 */
/** How a decision's stated date relates to when it is recorded: lag-30 is still in time, lag-31 is not; on-submission is the file's own day. */
export type StatedDate = 'same-day' | 'recorded-late' | 'before-submission' | 'instant' | 'lag-30' | 'lag-31' | 'on-submission';
/** When a resale is recorded: as the clock goes, or on the last day of its restriction or the first day after it. */
export type TransferTiming = 'now' | 'eve-of-anniversary' | 'anniversary';
export type CheckOutcome = 'clean' | 'unknown' | 'name-mismatch' | 'deceased' | 'undeclared-spouse' | 'household-differs' | 'owns-housing' | 'spouse-owns';
export type Member = { person: number; variant: number; relation: HouseholdRelation };

export type Intent =
  | { kind: 'register-project'; project: number; province: number; plannedUnits: number }
  | { kind: 'release-units'; project: number; units: number[]; floorAreas: number[]; tenure: Tenure; priceVnd: number }
  | { kind: 'submit'; app: number; applicant: number; variant: number; household: Member[]; project: number; province: number; tenure: Tenure; receivedBy: number; incomeVnd: number; dated: StatedDate; historical: boolean }
  | { kind: 'amend'; app: number; household: Member[] | null; tenure: Tenure | null; incomeVnd: number | null }
  /** An open file by selector; the top value withdraws a file never submitted. */
  | { kind: 'withdraw'; app: number }
  /** An amendment declaring, in an open file's household, someone who holds a live benefit: two files then share a member. */
  | { kind: 'link-household'; app: number; claim: number; relation: HouseholdRelation; thenDecided: 'no' | 'eligible' | 'ineligible' }
  /**
   * A board's queue in one project: fresh files of one tenure submitted, decided eligible and
   * ranked (rank 0: left unranked), then the file at `served` (by rank, unranked last) allocated a
   * free unit of the project: a queue-jump unless it is the best-ranked file waiting. `earlier`:
   * the best-ranked file was served first and its allocation revoked (and it decided anew: only then
   * does it wait again). The file at `otherTenure` (if any) applies for another tenure: no queue
   * for these units. `then`: the allocation served is revoked, or handed over and returned to the
   * investor, and the best-ranked file decided anew (a change to a skipped file re-judges the jump).
   */
  | { kind: 'queue'; project: number; plannedUnits: number; floorAreas: number[]; tenure: Tenure; applicants: number[]; ranks: number[]; method: 'ballot' | 'score'; served: number;
    earlier: 'none' | 'revoked' | 'revoked-and-decided-anew'; otherTenure: number; then: 'nothing' | 'revoked' | 'returned' }
  | { kind: 'decide'; app: number; outcome: 'eligible' | 'ineligible'; policyOutcome: 'eligible' | 'ineligible'; justification: 'none' | 'blank' | 'given'; decidedBy: 'officer' | 'receiver' | 'member'; officer: number; dated: StatedDate }
  | { kind: 'rank'; app: number; method: 'ballot' | 'score'; rank: number }
  /** A police check; with `thenDecided`, the board decides the file eligible at the same instant (recorded neither before nor after the check). */
  | { kind: 'check'; app: number; outcomes: CheckOutcome[]; spouse: number; thenDecided: boolean }
  | { kind: 'allocate'; unit: number; unreleased: boolean; app: number; citesInForce: boolean; dated: StatedDate }
  /** As the write side allocates: a submitted file, a free released unit of its own project and tenure (queue-jumps, and files served after being skipped). */
  | { kind: 'allocate-in-project'; unit: number; app: number; dated: StatedDate }
  | { kind: 'revoke'; unit: number }
  /** A handover, then the unit's transfers in `then`, if any (a resale, then its recovery by a return…). */
  | { kind: 'hand-over'; unit: number; fullyPaid: 'no' | 'at-handover' | 'before-handover'; then: Omit<Extract<Intent, { kind: 'transfer' }>, 'unit'>[] }
  | { kind: 'transfer'; unit: number; transfer: TransferKind; buyer: number; price: 'above' | 'original' | 'below'; timing: TransferTiming }
  | { kind: 'claim'; person: number; project: number; unit: number; province: number }
  | { kind: 'release-claim'; claim: number }
  | { kind: 'land-fund-register'; fund: number; province: number; dueInDays: number }
  | { kind: 'land-fund-hand-over'; fund: number; percentOfRequired: number }
  | { kind: 'land-fund-pay'; fund: number }
  | { kind: 'programme-target'; province: number; period: ProgrammePeriod; units: number }
  | { kind: 'project-target'; project: number; period: ProgrammePeriod; units: number }
  | { kind: 'refused'; unit: number; app: number }
  | { kind: 'finding-reviewed'; verdict: 'confirmed' | 'dismissed' }
  | { kind: 'unforeseen'; project: number; app: number; person: number };

export interface Step {
  /** How far the store's clock moves before this write: ties, hours, days, past the 30-day and 5-year marks. */
  advanceMs: number;
  intent: Intent;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const pick = (pool: readonly unknown[]) => fc.nat(pool.length - 1);
const dated = fc.constantFrom<StatedDate>('same-day', 'same-day', 'same-day', 'same-day', 'recorded-late', 'before-submission', 'instant', 'lag-30', 'lag-31', 'on-submission', 'on-submission');
/** Mostly sale, so that files and units of a project often queue for the same units (detector 8); rental stock often enough to be resold (detector 7). */
const tenure = fc.constantFrom<Tenure>(...TENURES, 'sale', 'sale', 'rent');
const period = fc.constantFrom<ProgrammePeriod>(...PROGRAMME_PERIODS);
/** Mostly as registered; sometimes unaccented capitals or a clerk's slip; rarely another person under the same id. */
const variant = fc.constantFrom(0, 0, 0, 0, 1, 1, 2, 3, 4, 5);
const member: fc.Arbitrary<Member> = fc.record({ person: pick(PEOPLE), variant, relation: fc.constantFrom<HouseholdRelation>(...HOUSEHOLD_RELATIONS) });
const household = fc.array(member, { maxLength: 3 });
const unitIndex = fc.nat(PROJECTS.length * UNIT_NOS.length - 1);
const checkOutcome = fc.constantFrom<CheckOutcome>(
  'clean', 'clean', 'clean', 'clean', 'unknown', 'name-mismatch', 'deceased', 'undeclared-spouse', 'household-differs', 'owns-housing', 'spouse-owns',
);

/** Some at the 10% share of large units (1 of 10), some below what was released. */
const plannedUnits = fc.oneof(fc.integer({ min: 1, max: 12 }), fc.constant(10));
/** Mostly ordinary; some on the limits of Decree 100/2024 Art. 27 (25, 70, 77 m²) or past them. */
const floorAreas = fc.array(fc.constantFrom(55, 55, 60, 24, 25, 70, 72, 77, 80), { minLength: 3, maxLength: 3 });

/** A transfer of a unit held: a resale (twice as likely), a return, an inheritance; at, above or below the original price. */
const transfer = {
  transfer: fc.constantFrom<TransferKind>(...TRANSFER_KINDS, 'resale'),
  buyer: pick(PEOPLE),
  price: fc.constantFrom('above' as const, 'above' as const, 'original' as const, 'below' as const),
  timing: fc.constantFrom<TransferTiming>('now', 'now', 'eve-of-anniversary', 'anniversary'),
};

const advance = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 6 * HOUR }) },
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 10 }).map((d) => d * DAY) },
  { weight: 1, arbitrary: fc.integer({ min: 31, max: 120 }).map((d) => d * DAY) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 7 }).map((y) => y * 365 * DAY) },
);

const intent: fc.Arbitrary<Intent> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('register-project' as const), project: pick(PROJECTS), province: pick(PROVINCES), plannedUnits }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('release-units' as const), project: pick(PROJECTS), units: fc.uniqueArray(pick(UNIT_NOS), { minLength: 1, maxLength: 3 }),
    floorAreas, tenure, priceVnd: fc.constantFrom(900_000_000, 1_200_000_000) }) },
  { weight: 8, arbitrary: fc.record({ kind: fc.constant('submit' as const), app: pick(APPLICATIONS), applicant: pick(PEOPLE), variant, household, project: fc.nat(PROJECTS.length),
    province: pick(PROVINCES), tenure, receivedBy: fc.nat(2), incomeVnd: fc.constantFrom(9_000_000, 15_000_000, 40_000_000), dated,
    // Some files migrated from a paper register (--historical): their late-entered decisions are history.
    historical: fc.constantFrom(false, false, true) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amend' as const), app: fc.nat(20), household: fc.option(household), tenure: fc.option(tenure),
    incomeVnd: fc.option(fc.constantFrom(8_000_000, 30_000_000)) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('withdraw' as const), app: fc.nat(APPLICATIONS.length) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('link-household' as const), app: fc.nat(20), claim: fc.nat(20), relation: fc.constantFrom<HouseholdRelation>(...HOUSEHOLD_RELATIONS),
    thenDecided: fc.constantFrom('no' as const, 'eligible' as const, 'ineligible' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('queue' as const), project: pick(PROJECTS), plannedUnits, floorAreas, tenure, applicants: fc.array(pick(PEOPLE), { minLength: 2, maxLength: 3 }),
    ranks: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 3, maxLength: 3 }), method: fc.constantFrom('ballot' as const, 'score' as const), served: fc.nat(2),
    earlier: fc.constantFrom('none' as const, 'none' as const, 'revoked' as const, 'revoked-and-decided-anew' as const), otherTenure: fc.nat(4),
    then: fc.constantFrom('nothing' as const, 'nothing' as const, 'revoked' as const, 'returned' as const) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('decide' as const), app: fc.nat(20), outcome: fc.constantFrom('eligible' as const, 'eligible' as const, 'ineligible' as const),
    policyOutcome: fc.constantFrom('eligible' as const, 'eligible' as const, 'ineligible' as const), justification: fc.constantFrom('none' as const, 'blank' as const, 'given' as const),
    decidedBy: fc.constantFrom('officer' as const, 'officer' as const, 'receiver' as const, 'member' as const), officer: fc.nat(1), dated }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('rank' as const), app: fc.nat(20), method: fc.constantFrom('ballot' as const, 'score' as const), rank: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('check' as const), app: fc.nat(20), outcomes: fc.array(checkOutcome, { minLength: 4, maxLength: 4 }), spouse: pick(PEOPLE),
    thenDecided: fc.constantFrom(false, false, true) }) },
  { weight: 7, arbitrary: fc.record({ kind: fc.constant('allocate' as const), unit: unitIndex, unreleased: fc.constantFrom(false, false, false, false, true), app: fc.nat(20),
    citesInForce: fc.constantFrom(true, true, true, false), dated }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('allocate-in-project' as const), unit: fc.nat(20), app: fc.nat(20), dated }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('revoke' as const), unit: fc.nat(20) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('hand-over' as const), unit: fc.nat(20), fullyPaid: fc.constantFrom('no' as const, 'at-handover' as const, 'before-handover' as const),
    then: fc.array(fc.record({ kind: fc.constant('transfer' as const), ...transfer }), { maxLength: 3 }) }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('transfer' as const), unit: fc.nat(20), ...transfer }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('claim' as const), person: pick(PEOPLE), project: pick(PROJECTS), unit: pick(UNIT_NOS), province: pick(PROVINCES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('release-claim' as const), claim: fc.nat(20) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('land-fund-register' as const), fund: pick(LAND_FUNDS), province: pick(PROVINCES), dueInDays: fc.oneof(fc.integer({ min: -60, max: 60 }), fc.constantFrom(0, 1)) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('land-fund-hand-over' as const), fund: fc.nat(LAND_FUNDS.length), percentOfRequired: fc.constantFrom(30, 50, 100) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('land-fund-pay' as const), fund: fc.nat(LAND_FUNDS.length) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('programme-target' as const), province: pick(PROVINCES), period, units: fc.integer({ min: 1000, max: 20000 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('project-target' as const), project: pick(PROJECTS), period, units: fc.integer({ min: 1, max: 50 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('refused' as const), unit: unitIndex, app: pick(APPLICATIONS) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('finding-reviewed' as const), verdict: fc.constantFrom('confirmed' as const, 'dismissed' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unforeseen' as const), project: pick(PROJECTS), app: pick(APPLICATIONS), person: pick(PEOPLE) }) },
);

export const stepArbitrary: fc.Arbitrary<Step> = fc.record({ advanceMs: advance, intent });

/**
 * The steps of a history: the property draws these (a shrunk counterexample reads as a list of
 * intents) and interprets them into about 20–120 write-side-plausible events.
 */
export const stepsArbitrary: fc.Arbitrary<Step[]> = fc.array(stepArbitrary, { minLength: 30, maxLength: 80, size: 'max' });

export const historyArbitrary: fc.Arbitrary<History> = stepsArbitrary.map(interpret);

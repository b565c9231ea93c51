/**
 * Conditions of the engine's detectors (and of the read-model facts they rest on), each broken in
 * one small way: a flipped comparison, a dropped guard, a trigger left out. The text is searched in
 * the compiled module (dist/<file>.js) and must occur there exactly once.
 */
export interface Mutant {
  detector: string;
  condition: string;
  file: string;
  from: string;
  to: string;
}

const D = 'projections/detectors/';
const m = (detector: string, condition: string, file: string, from: string, to: string): Mutant => ({ detector, condition, file, from, to });

export const MUTANTS: readonly Mutant[] = [
  m('duplicate-applicant', 'withdrawn files do not count', `${D}duplicate-applicant.detector`, ".filter((a) => a.status !== 'withdrawn')", '.filter(() => true)'),
  m('duplicate-applicant', 'only live benefits count', `${D}duplicate-applicant.detector`, '.filter((c) => c.live)', '.filter(() => true)'),
  m('duplicate-applicant', 'two live benefits raise', `${D}duplicate-applicant.detector`, 'files.length < 2 && claims.length < 2', 'files.length < 2'),
  m('duplicate-applicant', 'high when two benefits', `${D}duplicate-applicant.detector`, "claims.length >= 2 ? 'high'", "claims.length >= 3 ? 'high'"),
  m('duplicate-applicant', 'a withdrawal re-judges', `${D}duplicate-applicant.detector`, "if (event.type === 'ApplicationWithdrawn')", 'if (false)'),

  m('household-double-benefit', 'a withdrawn file links nobody', `${D}household-double-benefit.detector`, "application.status !== 'withdrawn'", 'true'),
  m('household-double-benefit', 'a refused file is no live application', `${D}household-double-benefit.detector`, "f.status === 'open' && f.decision?.outcome !== 'ineligible'", "f.status === 'open'"),
  m('household-double-benefit', 'a withdrawn file is no live application', `${D}household-double-benefit.detector`, "f.status === 'open' && f.decision", 'f.decision'),
  m('household-double-benefit', 'high when both benefit', `${D}household-double-benefit.detector`, "bothBenefit ? 'high'", "false ? 'high'"),
  m('household-double-benefit', 'a withdrawal re-judges', `${D}household-double-benefit.detector`, "|| event.type === 'ApplicationWithdrawn'", ''),
  m('household-double-benefit', 'a decision re-judges', `${D}household-double-benefit.detector`, "|| event.type === 'EligibilityDecided'", ''),
  m('household-double-benefit', 'open findings on the stream re-judge', `${D}household-double-benefit.detector`, '...state.openFindingKeysOn(NAME, event.stream)', ''),

  m('identity-conflict', 'one id declared as others', `${D}identity-conflict.detector`, 'identities.length > 1 &&', 'identities.length > 2 &&'),
  m('identity-conflict', 'id digits contradict', `${D}identity-conflict.detector`, '.filter((c) => c.reasons.length > 0)', '.filter((c) => c.reasons.length > 1)'),
  m('identity-conflict', 'same identity under a greater id', `${D}identity-conflict.detector`, 'compareText)(q.citizen_id, citizenId) > 0', 'compareText)(q.citizen_id, citizenId) < 0'),
  m('identity-conflict', 'a household amendment re-judges', `${D}identity-conflict.detector`, 'event.data.changes.household', 'false'),
  m('identity-conflict', 'open findings on the stream re-judge', `${D}identity-conflict.detector`, 'for (const k of state.openFindingKeysOn(NAME, event.stream))', 'for (const k of [])'),
  m('identity-conflict', 'no similar finding beside a same one', `${D}similar-identity`, '!exact.has(q.citizen_id) &&', ''),

  m('registry-mismatch', 'eligible after a failed check', `${D}registry-mismatch.detector`, "decision?.outcome === 'eligible' &&", ''),
  m('registry-mismatch', 'decided after the check', `${D}registry-mismatch.detector`, 'Date.parse(decision.recordedAt) > Date.parse(check.recorded_at)', 'Date.parse(decision.recordedAt) >= Date.parse(check.recorded_at)'),
  m('registry-mismatch', 'a decision re-judges', `${D}registry-mismatch.detector`, "|| event.type === 'EligibilityDecided'", ''),

  m('allocation-without-eligibility', 'withdrawn file', `${D}allocation-without-eligibility.detector`, "file.status === 'withdrawn' && file.withdrawnEventId", 'false'),
  m('allocation-without-eligibility', 'no decision', `${D}allocation-without-eligibility.detector`, "reasons.push({ code: 'no-decision', text: 'no eligibility decision was in force', grave: true });", ''),
  m('allocation-without-eligibility', 'ineligible decision', `${D}allocation-without-eligibility.detector`, "decision.outcome !== 'eligible'", 'false'),
  m('allocation-without-eligibility', 'allocated after revocation', `${D}allocation-without-eligibility.detector`, 'revocation.decisionEventId === decision.eventId', 'false'),
  m('allocation-without-eligibility', 'cites another decision', `${D}allocation-without-eligibility.detector`, 'basis.citedDecisionNo !== decision.decisionNo', 'false'),
  m('allocation-without-eligibility', 'dated before eligibility', `${D}allocation-without-eligibility.detector`, 'u.allocated_at !== null &&', 'false &&'),
  m('allocation-without-eligibility', 'unknown application', `${D}allocation-without-eligibility.detector`, "code: 'unknown-application'", "code: 'unknown'"),
  m('allocation-without-eligibility', 'high when grave', `${D}allocation-without-eligibility.detector`, 'reasons.some((r) => r.grave)', 'reasons.every((r) => r.grave)'),
  m('allocation-without-eligibility', 'a revocation closes', `${D}allocation-without-eligibility.detector`, "|| event.type === 'AllocationRevoked'", ''),
  m('allocation-without-eligibility', 'a return closes', `${D}allocation-without-eligibility.detector`, "if (event.type === 'UnitTransferred')", 'if (false)'),

  m('decision-contradicts-policy', 'policy said ineligible', `${D}decision-contradicts-policy.detector`, "d.policyOutcome !== 'ineligible'", 'false'),
  m('decision-contradicts-policy', 'high without justification', `${D}decision-contradicts-policy.detector`, "justification ? 'medium' : 'high'", "'medium'"),
  m('decision-contradicts-policy', 'a blank justification is none', `${D}decision-contradicts-policy.detector`, 'd.justification?.trim() ?', 'd.justification ?'),

  m('early-resale', 'the anniversary is free', `${D}early-resale.detector`, '>= r.endsOn', '> r.endsOn'),
  m('early-resale', 'buyer not eligible', `${D}early-resale.detector`, "t.kind === 'resale' && !t.buyer", 'false'),
  m('early-resale', 'above the original price', `${D}early-resale.detector`, 't.priceVnd > originalPrice', 't.priceVnd >= originalPrice'),
  m('early-resale', 'a return to the state recovers', `${D}early-resale.detector`, "|| l.kind === 'return-to-state'", ''),
  m('early-resale', 'rental stock sold', `${D}early-resale.detector`, "if (tenure === 'rent')\n        return ['rental-stock-sold'];", ''),
  m('early-resale', 'counted from full payment', `${D}early-resale.detector`, 't.fullyPaidAt ?? t.handedOverAt', 't.handedOverAt'),
  m('early-resale', 'a return to the investor is judged', `${D}early-resale.detector`, "t.kind !== 'resale' && t.kind !== 'return-to-investor'", "t.kind !== 'resale'"),
  m('early-resale', 'five years', `${D}early-resale.detector`, 'anniversary(startsOn, 5)', 'anniversary(startsOn, 6)'),

  m('queue-jump', 'the skipped file still waits', `${D}queue-jump.detector`, 'w !== undefined && (0, application_read_model_1.waitsForUnit)(w)', 'w !== undefined'),
  m('queue-jump', 'open findings on the stream re-judge', `${D}queue-jump.detector`, '...state.openFindingKeysOn(NAME, event.stream)', ''),
  m('queue-jump', 'a revocation closes', `${D}queue-jump.detector`, "if (event.kind === 'unit' && event.type === 'AllocationRevoked')", 'if (false)'),
  m('queue-jump', 'the unit still holds the allocation', `${D}queue-jump.detector`, 'u.allocation_id !== a.allocation_id ||', ''),
  m('queue-jump', 'queue: better rank only', 'projections/units/unit.read-model', 'w.priority_rank < rank', 'w.priority_rank <= rank'),
  m('queue-jump', 'queue: same tenure', 'projections/units/unit.read-model', 'w.tenure === a.tenure &&', ''),
  m('queue-jump', 'queue: an unranked file jumps every ranked one', 'projections/units/unit.read-model', '(rank === null ||', '(false ||'),
  m('queue-jump', 'waits: eligible decision in force', 'projections/applications/application.read-model', "if (a.decision?.outcome !== 'eligible')\n        return false;", ''),
  m('queue-jump', 'waits: a revoked file waits once decided anew', 'projections/applications/application.read-model', "|| (a.status === 'revoked' && a.last_revocation?.decisionEventId !== a.decision.eventId)", ''),

  m('conflict-of-interest', 'received and decided', `${D}conflict-of-interest.detector`, "decider !== '' && decider === officer(file.received_by)", 'false'),
  m('conflict-of-interest', 'decided by a household member', `${D}conflict-of-interest.detector`, ': p.name_norm) === decider)', ': p.name_norm) === decider && false)'),
  m('conflict-of-interest', 'an amendment re-judges', `${D}conflict-of-interest.detector`, "|| event.type === 'ApplicationAmended'", ''),

  m('land-fund-shortfall', 'a discharge closes', `${D}land-fund-shortfall.detector`, 'o.discharged ||', ''),
  m('land-fund-shortfall', 'high when nothing handed over', `${D}land-fund-shortfall.detector`, "handed === 0 ? 'high'", "handed < 0 ? 'high'"),
  m('land-fund-shortfall', 'the overdue tick raises', `${D}land-fund-shortfall.detector`, '...state.overdueBy(event.eventId)', ''),
  // The read model's own `due_date < day` guard is masked by the heap, which pops only obligations due before the day.
  m('land-fund-shortfall', 'overdue the day after the due date', 'projections/engine/due-heap', 'this.heap[0].due < day', 'this.heap[0].due <= day'),

  m('backdating', 'recorded more than 30 days late', `${D}backdating.detector`, 'lagDays > exports.MAX_RECORDING_LAG_DAYS', 'lagDays >= exports.MAX_RECORDING_LAG_DAYS'),
  m('backdating', 'migrated history is exempt', `${D}backdating.detector`, '!migratedHistory(file, r.decidedAt)', 'true'),
  m('backdating', 'migrated: decided on or before the migration day', `${D}backdating.detector`, 'calendarDay)(decidedAt) <= migratedOn', 'calendarDay)(decidedAt) < migratedOn'),
  m('backdating', 'dated before the application', `${D}backdating.detector`, 'statedBefore)(r.decidedAt, file.submitted_at)', 'statedBefore)(r.decidedAt, file.submitted_at) && false'),
  m('backdating', 'an allocation is judged', `${D}backdating.detector`, "if (event.kind === 'unit' && event.type === 'UnitAllocated')", 'if (false)'),

  m('over-allocation', 'more live allocations than released', `${D}over-allocation.detector`, 'live > p.released_units', 'live >= p.released_units'),
  m('over-allocation', 'floor area at most 77 m²', `${D}over-allocation.detector`, 'u.floor_area_m2 <= ABSOLUTE_MAX_M2', 'u.floor_area_m2 < ABSOLUTE_MAX_M2'),
  m('over-allocation', 'floor area at least 25 m²', `${D}over-allocation.detector`, 'u.floor_area_m2 >= MIN_M2', 'u.floor_area_m2 > MIN_M2'),
  m('over-allocation', 'large units above 70 m²', `${D}over-allocation.detector`, '.filter((u) => u.floor_area_m2 > STANDARD_MAX_M2)', '.filter((u) => u.floor_area_m2 >= STANDARD_MAX_M2)'),
  m('over-allocation', 'more than 10% large', `${D}over-allocation.detector`, 'large.length * 100 > total * LARGE_SHARE_PERCENT', 'large.length * 100 >= total * LARGE_SHARE_PERCENT'),
  m('over-allocation', 'share of planned or released units', `${D}over-allocation.detector`, 'Math.max(p.planned_units, p.released_units)', 'p.planned_units'),
  m('over-allocation', 'a return re-judges', `${D}over-allocation.detector`, "event.data.kind.startsWith('return-')", 'false'),
  m('over-allocation', 'unreleased allocations count', `${D}over-allocation.detector`, 'allocated.length + p.unreleased_allocations.length', 'allocated.length'),
];

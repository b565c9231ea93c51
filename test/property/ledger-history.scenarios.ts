import { type Tenure, TENURES } from '../../src/allocation/domain/unit.events';
import type { Intent } from './ledger-history.arbitrary';
import { APPLICATIONS, PROJECTS, PROVINCES, UNIT_NOS } from './ledger-history.pools';
import type { WriteSide } from './ledger-history.write-side';

/**
 * Scenarios: intents that stand for several steps of the write side (a board's queue, a handover
 * and the transfers after it, a decision right after a check or an amendment). Each step is worked
 * out when the previous ones have been written, from the write side's state, as an ordinary
 * intent whose selectors resolve to the files and units the scenario means.
 */

/**
 * A board's queue (see the 'queue' intent) as the steps a board would take, each worked out
 * against the write side as the previous ones left it: the project registered and its units
 * released if they were not, each file submitted, decided eligible and ranked, then one served.
 */
function* queueSteps(s: WriteSide, intent: Extract<Intent, { kind: 'queue' }>): Generator<Intent> {
  const projectId = PROJECTS[intent.project];
  yield { kind: 'register-project', project: intent.project, province: 0, plannedUnits: intent.plannedUnits };
  yield { kind: 'release-units', project: intent.project, units: UNIT_NOS.map((_, n) => n), floorAreas: intent.floorAreas, tenure: intent.tenure, priceVnd: 900_000_000 };
  const queued: { id: string; rank: number }[] = [];
  const selectorOf = (id: string) => [...s.files.keys()].indexOf(id);
  for (const [i, applicant] of intent.applicants.entries()) {
    const app = APPLICATIONS.findIndex((id) => !s.files.has(id));
    if (app < 0) break;
    const tenure = i === intent.otherTenure ? TENURES.filter((t) => t !== intent.tenure)[0] : intent.tenure;
    yield { kind: 'submit', app, applicant, variant: 0, household: [], project: intent.project, province: Math.max(0, PROVINCES.findIndex((p) => p === s.provinceOf(projectId))),
      tenure, receivedBy: 0, incomeVnd: 9_000_000, dated: 'same-day', historical: false };
    yield decision(selectorOf(APPLICATIONS[app]), 'eligible');
    const rank = intent.ranks[i];
    if (rank > 0) yield { kind: 'rank', app: selectorOf(APPLICATIONS[app]), method: intent.method, rank };
    if (tenure === intent.tenure) queued.push({ id: APPLICATIONS[app], rank: rank > 0 ? rank : Infinity });
  }
  const ordered = queued.sort((x, y) => x.rank - y.rank);
  const first = ordered.length > 1 && intent.earlier !== 'none' ? serve(s, projectId, intent.tenure, ordered[0].id) : null;
  if (first) {
    yield first;
    yield* revocationOf(s, ordered[0].id);
    if (intent.earlier === 'revoked-and-decided-anew') yield decision(selectorOf(ordered[0].id), 'eligible');
  }
  if (ordered.length === 0) return;
  const served = ordered[Math.min(intent.served, ordered.length - 1)];
  const allocate = serve(s, projectId, intent.tenure, served.id);
  if (!allocate) return;
  yield allocate;
  if (intent.then === 'revoked') yield* revocationOf(s, served.id);
  const handOver = allocatedUnits(s).findIndex((u) => u.current?.applicationId === served.id);
  if (intent.then === 'returned' && handOver >= 0) {
    yield* handOverThenTransfer(s, { kind: 'hand-over', unit: handOver, fullyPaid: 'at-handover',
      then: [{ kind: 'transfer', transfer: 'return-to-investor', buyer: 0, price: 'below', timing: 'now' }] });
    yield decision(selectorOf(ordered[0].id), 'eligible');
  }
}

/** The units 'revoke' and 'hand-over' choose among: allocated, not handed over. */
const allocatedUnits = (s: WriteSide) => s.allUnits().filter((u) => u.current !== null && !u.handedOver);

/** The 'revoke' whose selector resolves to the unit allocated to the file, if one is. */
function* revocationOf(s: WriteSide, applicationId: string): Generator<Intent> {
  const unit = allocatedUnits(s).findIndex((u) => u.current?.applicationId === applicationId);
  if (unit >= 0) yield { kind: 'revoke', unit };
}

/** The 'allocate-in-project' whose selectors resolve to the project's first free unit of the tenure and to the file, if the write side would take it. */
function serve(s: WriteSide, projectId: string, tenure: Tenure, applicationId: string): Intent | null {
  const free = s.allUnits().filter((u) => u.current === null && u.spec !== null && u.listed);
  const unit = free.findIndex((u) => u.projectId === projectId && u.spec?.tenure === tenure);
  const files = [...s.files.values()].filter((f) => f.projectId === projectId && f.tenure === tenure && !f.withdrawn && f.allocationId === null && f.decisionNo !== null);
  const app = files.findIndex((f) => f.id === applicationId);
  return unit < 0 || app < 0 ? null : { kind: 'allocate-in-project', unit, app, dated: 'same-day' };
}

/** A board's plain decision on the file at this selector, agreeing with the policy. */
const decision = (app: number, outcome: 'eligible' | 'ineligible'): Intent => ({
  kind: 'decide', app, outcome, policyOutcome: outcome, justification: 'none', decidedBy: 'officer', officer: 0, dated: 'same-day',
});

/** A handover, then transfers of the same unit: their selectors resolve to it among the units held. */
function* handOverThenTransfer(s: WriteSide, intent: Extract<Intent, { kind: 'hand-over' }>): Generator<Intent> {
  const allocated = allocatedUnits(s);
  const u = allocated.length > 0 ? allocated[intent.unit % allocated.length] : null;
  yield intent;
  for (const then of intent.then) {
    const unit = s.allUnits().filter((h) => h.handedOver).findIndex((h) => h === u);
    if (unit >= 0) yield { ...then, unit };
  }
}

/** What an intent writes, step by step: a scenario's several steps, or the intent itself. */
export function stepsOf(s: WriteSide, intent: Intent): Iterable<Intent> {
  if (intent.kind === 'queue') return queueSteps(s, intent);
  // The same selector names the same file: the check adds none.
  if (intent.kind === 'check' && intent.thenDecided) return [intent, decision(intent.app, 'eligible')];
  // An amendment voids the decision in force: the board decides the file anew.
  if (intent.kind === 'link-household' && intent.thenDecided !== 'no') {
    const file = s.file(intent.app % 19, true);
    const app = file === null || file === 'unknown' ? -1 : [...s.files.values()].indexOf(file);
    return app < 0 ? [intent] : [intent, decision(app, intent.thenDecided)];
  }
  if (intent.kind === 'hand-over' && intent.then.length > 0) return handOverThenTransfer(s, intent);
  return [intent];
}


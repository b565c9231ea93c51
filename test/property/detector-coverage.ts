import { DETECTOR_NAMES } from '../../projections/detectors';
import type { FindingRow } from '../../projections/engine/rows';
import { equivalenceSteps } from './ledger-equivalence.inputs';
import { interpret } from './ledger-history.interpreter';
import { eventCount } from './ledger-history.types';
import { runEngine } from './ledger-in-memory';

/**
 * How often the equivalence property's histories exercise each detector: over the histories it
 * would draw under a seed, how many raise a finding of each detector, which condition it was raised
 * for (its reasons, rule or violations), and by which event type it was closed. A condition no
 * history reaches is one the property cannot check. Run on demand, not by npm test:
 *
 *   npx tsc -p tsconfig.json && node dist/test/property/detector-coverage.js [histories=200] [seed=1]
 */
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? [v] : []);

/** The conditions a finding was raised for, as its detector records them. */
function conditionsOf(f: FindingRow): string[] {
  const d = f.details;
  switch (f.detector) {
    case 'allocation-without-eligibility': return strings(d.reasons);
    case 'early-resale': return strings(d.violations).map((v) => `${String(d.kind)}: ${v}`);
    case 'backdating':
    case 'identity-conflict': return strings(d.rule);
    case 'registry-mismatch': return d.kind === undefined ? ['eligible-after-failed-check'] : strings(d.kind);
    case 'conflict-of-interest': return [d.member ? 'decided by a household member' : 'received and decided'];
    case 'over-allocation': return [d.excess !== undefined ? 'allocations' : d.largeUnits ? 'large-unit-share' : 'floor-area'];
    case 'queue-jump': return [strings(d.stillWaiting).length < strings(d.skipped).length ? 'some skipped since served' : 'every skipped still waiting'];
    default: return [`severity ${f.severity}`];
  }
}

interface Tally { histories: Set<number>; findings: number }
const tally = (m: Map<string, Tally>, label: string, history: number) => {
  const t = m.get(label) ?? { histories: new Set<number>(), findings: 0 };
  t.histories.add(history);
  t.findings += 1;
  m.set(label, t);
};

function main(histories: number, seed: number): void {
  const raised = new Map<string, Tally>();
  const closed = new Map<string, Tally>();
  let events = 0;
  const started = process.cpuUsage();
  const all = equivalenceSteps(seed, histories);
  for (const [i, steps] of all.entries()) {
    const history = interpret(steps);
    events += eventCount(history);
    const run = runEngine(history);
    const typeOf = new Map(run.events.map((e) => [e.eventId, e.type]));
    for (const f of run.findings) {
      tally(raised, f.detector, i);
      for (const c of conditionsOf(f)) tally(raised, `${f.detector} · ${c}`, i);
      if (f.closed_by_event_id !== null) {
        tally(closed, f.detector, i);
        tally(closed, `${f.detector} · closed by ${typeOf.get(f.closed_by_event_id) ?? '?'}`, i);
      }
    }
  }
  const cpu = process.cpuUsage(started);
  const pct = (n: number) => `${((100 * n) / histories).toFixed(0).padStart(3)}%`;
  console.log(`${histories} histories of seed ${seed}, ${(events / histories).toFixed(0)} events each on average; ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU`);
  console.log('share of histories · findings · detector · condition');
  for (const [title, m] of [['raised', raised], ['closed', closed]] as const) {
    console.log(`\n${title}:`);
    for (const name of DETECTOR_NAMES) {
      const labels = [...m.entries()].filter(([k]) => k === name || k.startsWith(`${name} · `)).sort(([x], [y]) => (x < y ? -1 : 1));
      if (labels.length === 0) console.log(`  ${pct(0)}        0  ${name}`);
      for (const [k, t] of labels) {
        console.log(`  ${pct(t.histories.size)} ${String(t.findings).padStart(8)}  ${k === name ? k : `    ${k.slice(name.length + 3)}`}`);
      }
    }
  }
}

main(Number(process.argv[2] ?? 200), Number(process.argv[3] ?? 1));

import { Round } from './measure';

export interface Phase {
  name: string;
  writers: number;
  perAppend: number;
}

export interface PhaseResult {
  phase: Phase;
  store: Round;
  plain: Round;
}

/** The bar the store is held to: its bookkeeping may cost at most 30 % of plain INSERT throughput under load. */
const TARGET = 0.7;

export function printResults(results: PhaseResult[]): void {
  const rate = (r: Round): number => r.events / r.seconds;
  const micros = (cores: number, r: Round): string => (Number.isNaN(cores) ? '-' : ((cores * r.seconds * 1e6) / r.events).toFixed(0));
  const cpu = (r: Round): string => `${micros(r.nodeCores, r)}+${micros(r.serverCores, r)}`;
  const header = ['phase', 'writers', 'store events', 'store s', 'plain events', 'plain s', 'store ev/s', 'plain ev/s', 'store/plain',
    'store µs/ev', 'plain µs/ev', 'host cores'];
  const rows = results.map(({ phase, store, plain }) => [
    phase.name, String(phase.writers), String(store.events), store.seconds.toFixed(1), String(plain.events), plain.seconds.toFixed(1),
    rate(store).toFixed(0), rate(plain).toFixed(0), (rate(store) / rate(plain)).toFixed(2), cpu(store), cpu(plain),
    `${store.hostCores.toFixed(1)}/${plain.hostCores.toFixed(1)}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log();
  console.log(line(header));
  rows.forEach((r) => console.log(line(r)));
  console.log('µs/ev = CPU per event, Node + PostgreSQL; host cores = whole machine busy while timed (store/plain), other load included');
  console.log(`process RSS peak: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);

  const key = results.find((r) => r.phase.perAppend === 1 && r.phase.writers === 16);
  if (key) {
    const ratio = rate(key.store) / rate(key.plain);
    console.log(`target: >= ${TARGET.toFixed(2)}x plain INSERT at 16 writers (single events): ${ratio.toFixed(2)} — ${ratio >= TARGET ? 'met' : 'NOT met'}`);
  }
}

import type { Pool } from 'pg';
import { DETECTOR_NAMES } from '../projections/detectors';
import { type PlantedTruth, plantedByDetector } from './ledger-plants';

/** Above this relative gap between planted and found, the row is marked for investigation. */
const TOLERANCE = 0.02;

/** What the log holds, by event type: a figure is only as good as the dataset behind it. */
export async function printEventTypes(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ type: string; n: number }>('SELECT type, count(*)::int AS n FROM events GROUP BY type ORDER BY n DESC, type');
  console.log(`  events by type: ${rows.map((r) => `${r.type} ${r.n}`).join(', ')}`);
}

/**
 * Open findings per detector beside what the dataset planted. Each plant is built to raise exactly
 * one open finding, so a gap is either a generator bug or a detector bug; the note shows the found
 * findings by rule or kind (from their details) to tell which. Returns the number of open findings.
 */
export async function printFindings(pool: Pool, truth: PlantedTruth): Promise<number> {
  const { rows } = await pool.query<{ detector: string; part: string; n: number }>(
    `SELECT detector, coalesce(details->>'rule', details->>'kind', details->>'discriminator', severity) AS part, count(*)::int AS n
     FROM findings WHERE status = 'open' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const planted = plantedByDetector(truth);
  const lines = [['detector', 'planted', 'found', 'note']];
  let total = 0;
  for (const name of DETECTOR_NAMES) {
    const found = rows.filter((r) => r.detector === name);
    const n = found.reduce((s, r) => s + r.n, 0);
    total += n;
    const p = planted.get(name) ?? { total: 0, parts: [] };
    const ok = Math.abs(n - p.total) <= TOLERANCE * Math.max(p.total, 1) || (p.total === 0 && n === 0);
    const foundParts = found.map((r) => `${r.part} ${r.n}`).join(', ');
    const note = `${ok ? 'ok' : 'MISMATCH'}; planted ${p.parts.join(', ') || 'none'}${foundParts ? `; found ${foundParts}` : ''}`;
    lines.push([name, String(p.total), String(n), note]);
  }
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => l[i].length)));
  for (const l of lines) console.log(`  ${l.map((c, i) => (i === 3 ? c : c.padEnd(widths[i]))).join('  ')}`);
  return total;
}

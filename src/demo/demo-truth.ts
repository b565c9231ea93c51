import type { DetectorName } from '../../projections/detectors';

/** One injected abuse: the detector that must raise it, and what its finding must name. */
export interface Plant {
  kind: string;
  detector: DetectorName;
  /** Each is a citizen id or stream the finding names, its rule, or a part of its key. */
  marks: string[];
}

/** An open finding as the demo reads it back. */
export interface FoundFinding {
  detector: string;
  findingKey: string;
  citizenIds: string[];
  streams: string[];
  /** details.rule, for detectors with several rules (identity-conflict's id-digits…). */
  rule: string | null;
}

export interface DetectorScore {
  detector: string;
  injected: number;
  found: number;
  truePositives: number;
  /** Share of found findings that are injected abuse; null when nothing was found. */
  precision: number | null;
  /** Share of injected abuse found; null when nothing was injected. */
  recall: number | null;
}

export const TARGET = { precision: 0.95, recall: 0.95 } as const;

const names = (f: FoundFinding, mark: string) => f.citizenIds.includes(mark) || f.streams.includes(mark) || f.rule === mark || f.findingKey.includes(mark);
export const matches = (f: FoundFinding, p: Plant): boolean => f.detector === p.detector && p.marks.every((m) => names(f, m));

/**
 * Precision and recall per detector against the injected truth. A finding is a true positive when it
 * names an injected abuse of its detector; an abuse is recalled when some finding names it.
 */
export function score(detectors: readonly string[], plants: readonly Plant[], found: readonly FoundFinding[]): DetectorScore[] {
  return detectors.map((detector) => {
    const injected = plants.filter((p) => p.detector === detector);
    const raised = found.filter((f) => f.detector === detector);
    const truePositives = raised.filter((f) => injected.some((p) => matches(f, p))).length;
    const recalled = injected.filter((p) => raised.some((f) => matches(f, p))).length;
    return {
      detector,
      injected: injected.length,
      found: raised.length,
      truePositives,
      precision: raised.length === 0 ? null : truePositives / raised.length,
      recall: injected.length === 0 ? null : recalled / injected.length,
    };
  });
}

/** Below target: a measure under its target, or findings where nothing was injected (precision 0). */
export const belowTarget = (s: DetectorScore): boolean =>
  (s.precision !== null && s.precision < TARGET.precision) || (s.recall !== null && s.recall < TARGET.recall) || (s.injected === 0 && s.found > 0);

const pct = (x: number | null) => (x === null ? '—' : x.toFixed(3));

/** The table the demo prints, headers in Vietnamese (boards read it), detector names as the API has them. */
export function scoreTable(scores: readonly DetectorScore[]): string {
  const head = ['Bộ phát hiện (detector)', 'Cài vào', 'Phát hiện', 'Đúng', 'Precision', 'Recall', ''];
  const rows = scores.map((s) => [s.detector, String(s.injected), String(s.found), String(s.truePositives), pct(s.precision), pct(s.recall), belowTarget(s) ? 'DƯỚI MỤC TIÊU' : 'đạt']);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n');
}

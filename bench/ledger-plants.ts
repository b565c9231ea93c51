import type { DetectorName } from '../projections/detectors';

/**
 * The abuse the bench dataset plants, each meant to raise exactly one open finding of one detector
 * (DESIGN.md "Detectors"). Rates are per application file unless the name says per project.
 */
export const PLANTS = {
  duplicateApplicant: { detector: 'duplicate-applicant', rate: 0.005, what: 'an earlier applicant files again in another project' },
  householdDoubleBenefit: { detector: 'household-double-benefit', rate: 0.003, what: "a beneficiary's spouse applies (eligible)" },
  sameIdentity: { detector: 'identity-conflict', rate: 0.002, what: 'an earlier name + birth date under a new id' },
  twoNames: { detector: 'identity-conflict', rate: 0.002, what: "an earlier child's id declared with another name" },
  idDigits: { detector: 'identity-conflict', rate: 0.001, what: 'declared birth year contradicts the id' },
  registryMismatch: { detector: 'registry-mismatch', rate: 0.003, what: 'police check: a person of the file deceased' },
  citesAnotherDecision: { detector: 'allocation-without-eligibility', rate: 0.001, what: 'allocation cites another decision number' },
  override: { detector: 'decision-contradicts-policy', rate: 0.01, what: 'eligible although the policy says ineligible (income)' },
  resaleToIneligible: { detector: 'early-resale', rate: 0.002, what: 'resold within 5 years to a buyer with no file' },
  resaleAbovePrice: { detector: 'early-resale', rate: 0.001, what: 'resold within 5 years above the original price' },
  queueJump: { detector: 'queue-jump', rate: 0.001, what: 'the next-ranked file is served before a waiting better one' },
  conflictOfInterest: { detector: 'conflict-of-interest', rate: 0.002, what: 'one officer receives and decides the file' },
  landFundShortfall: { detector: 'land-fund-shortfall', rate: 0.2, what: 'per project: obligation past due, not discharged' },
  backdated: { detector: 'backdating', rate: 0.002, what: 'decision dated before its application' },
  recordedLate: { detector: 'backdating', rate: 0.002, what: 'decision recorded 45 days after its date' },
  oversizedUnit: { detector: 'over-allocation', rate: 0.1, what: 'per project: one 80 m² unit (limit 77 m²)' },
} as const satisfies Record<string, { detector: DetectorName; rate: number; what: string }>;

export type PlantKind = keyof typeof PLANTS;
export type PlantRates = Record<PlantKind, number>;
/** How many of each plant the dataset actually wrote (a plant that could not complete is not counted). */
export type PlantedTruth = Record<PlantKind, number>;

const KINDS = Object.keys(PLANTS) as PlantKind[];
/** Per-project plants are rolled once per project, the others once per file. */
export const PROJECT_PLANTS: readonly PlantKind[] = ['landFundShortfall', 'oversizedUnit'];
export const FILE_PLANTS: readonly PlantKind[] = KINDS.filter((k) => !PROJECT_PLANTS.includes(k));

export const noPlants = (): PlantedTruth => Object.fromEntries(KINDS.map((k) => [k, 0])) as PlantedTruth;

/**
 * The default rates, overridden by BENCH_PLANT_RATES ("override=0.02,queueJump=0.005"): a rate the
 * bench does not know is an error, not a silent no-op.
 */
export function plantRates(spec = process.env.BENCH_PLANT_RATES ?? ''): PlantRates {
  const rates = Object.fromEntries(KINDS.map((k) => [k, PLANTS[k].rate])) as PlantRates;
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const [name, value] = part.split('=').map((s) => s.trim());
    if (!(name in rates) || !(Number(value) >= 0 && Number(value) <= 1)) throw new Error(`BENCH_PLANT_RATES: bad entry "${part}" (kinds: ${KINDS.join(', ')})`);
    rates[name as PlantKind] = Number(value);
  }
  const perFile = FILE_PLANTS.reduce((n, k) => n + rates[k], 0);
  if (perFile > 0.5) throw new Error(`BENCH_PLANT_RATES: per-file rates add up to ${perFile}; keep them under 0.5 so most files stay clean`);
  return rates;
}

/** Planted findings per detector, from the planted truth. */
export function plantedByDetector(truth: PlantedTruth): Map<DetectorName, { total: number; parts: string[] }> {
  const by = new Map<DetectorName, { total: number; parts: string[] }>();
  for (const k of KINDS) {
    const entry = by.get(PLANTS[k].detector) ?? { total: 0, parts: [] };
    entry.total += truth[k];
    entry.parts.push(`${k} ${truth[k]}`);
    by.set(PLANTS[k].detector, entry);
  }
  return by;
}

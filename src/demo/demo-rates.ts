/** Provinces of the demo, across the 2025 mergers: Hải Phòng with Hải Dương, Khánh Hòa with Ninh Thuận. */
export const DEMO_PROVINCES = ['31', '30', '56', '58'] as const;

/** Abuse injected per file, with its rate (at least one of each is injected whatever the size). */
export const FILE_PLANTS = [
  { kind: 'duplicate-applicant', rate: 0.005 },
  { kind: 'same-identity', rate: 0.002 },
  { kind: 'typo', rate: 0.003 },
  { kind: 'swapped-birth-date', rate: 0.002 },
  { kind: 'dropped-middle-name', rate: 0.002 },
  { kind: 'id-digits', rate: 0.001 },
  { kind: 'override', rate: 0.008 },
  { kind: 'conflict-of-interest', rate: 0.003 },
  { kind: 'recorded-late', rate: 0.003 },
  { kind: 'queue-jump', rate: 0.002 },
  { kind: 'allocation-before-eligibility', rate: 0.002 },
  { kind: 'registry-deceased', rate: 0.003 },
  { kind: 'resale-to-ineligible', rate: 0.002 },
  { kind: 'resale-above-price', rate: 0.001 },
] as const;
export type FilePlant = (typeof FILE_PLANTS)[number]['kind'];

/** Share of clean files the police check against the registry extract (as a province samples them). */
export const CHECKED_SHARE = 0.3;

/** Abuse injected per project (oversized unit) or per commercial project (land fund overdue). */
export const PROJECT_PLANTS = { oversizedUnit: 0.15, landFundShortfall: 0.25 } as const;

/** What must not be flagged, counted so the demo can say how many it mixed in. */
export const LOOK_ALIKES = ['namesake-other-birth-date', 'refused-spouse', 'typo-in-own-resubmission', 'land-fund-paid-late', 'lawful-resale', 'resale-on-restriction-end', 'lottery-drawn-before-allocation'] as const;

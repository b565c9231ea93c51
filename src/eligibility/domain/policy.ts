/**
 * The shape of a policy version: the eligibility rules of one legal instrument (national, or one
 * province's), as data (POLICY.md: "Every rule below belongs in a policy version"). Each version is
 * a `*.policy.ts` data module under `../policies/`, validated when the catalogue loads it.
 */

/** A calendar day, `YYYY-MM-DD`. Legal texts take effect on days, not instants. */
export type IsoDate = string;

/** The same codes as the API's `tenure` (API.md); kept here so eligibility depends on no other context. */
export const TENURES = ['sale', 'rent', 'hire-purchase'] as const;
export type Tenure = (typeof TENURES)[number];

/** Beneficiary groups of Housing Law 27/2023 Art. 76 by their API codes (POLICY.md's table). */
export const CATEGORIES = [
  'revolution-contributor', 'rural-poor', 'rural-poor-disaster', 'urban-poor', 'urban-low-income', 'worker',
  'armed-forces', 'civil-servant', 'returned-official-housing', 'land-recovery', 'student', 'enterprise', 'two-children',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const HOUSEHOLD_KINDS = ['single', 'single-parent-with-minor', 'married'] as const;
export type HouseholdKind = (typeof HOUSEHOLD_KINDS)[number];

/** Monthly income ceilings in VND; `married` is the couple's combined income (Decree 100/2024 Art. 30). */
export type HouseholdCeilings = { single: number; singleParentWithMinor: number; married: number };

/**
 * The national income rule: average monthly income at most a ceiling that depends on the household.
 * `ceilingsByCategoryVnd` replaces the ceilings for one category, e.g. `armed-forces`, whose ceiling is
 * a colonel's pay (POLICY.md) — a figure an operator enters once known.
 */
export type HouseholdCeilingRule = {
  kind: 'household-ceilings';
  tenures: Tenure[];
  categories: Category[];
  ceilingsVnd: HouseholdCeilings;
  ceilingsByCategoryVnd?: Partial<Record<Category, HouseholdCeilings>>;
  /** A province's multiplier of the ceilings (Decree 261/2025); absent means 1. */
  provincialCoefficient?: number;
};

/** `multiple` × the monthly rent of a unit of `unitAreaM2` m². */
export type RentMultiple = { multiple: number; unitAreaM2: number };

/**
 * Ninh Thuận Resolution 02/2007/NQ-HĐND: household income at most 5× the monthly rent of a 60 m²
 * unit and at least 4× that of a 30 m² unit, at the province's rent per m² for the project's zone.
 */
export type RentMultipleBandRule = {
  kind: 'rent-multiple-band';
  tenures: Tenure[];
  categories: Category[];
  rentPerM2ByZoneVnd: Record<string, number>;
  /** The zone used when the facts name none. */
  defaultRentZone: string;
  atMost: RentMultiple;
  atLeast: RentMultiple;
};

export type IncomeRule = HouseholdCeilingRule | RentMultipleBandRule;

/**
 * Owning no housing in the province qualifies; so does owning housing with less floor per person
 * than `floorAreaPerPersonBelowM2`, or (2007 Ninh Thuận) owning only temporary or dilapidated housing.
 */
export type HousingRule = {
  tenures: Tenure[];
  floorAreaPerPersonBelowM2: number;
  temporaryHousingQualifies: boolean;
};

/** A category opened part-way through a version, e.g. `two-children` from 2026-07-01. */
export type CategoryOpening = { from: IsoDate; citation: string };

export type PolicyVersion = {
  /** Equal to the data module's name without `.policy.ts`, e.g. `vn-decree-100-2024`. */
  id: string;
  title: string;
  /** The short reference quoted in every reason, e.g. "Decree 261/2025". */
  citation: string;
  /** Where the rules come from, and how far they are trusted. */
  source: string;
  scope: { provinces: string[] | 'national' };
  /** First day in force. */
  effectiveFrom: IsoDate;
  /** Last day in force, inclusive (as POLICY.md's tables read), or null while in force. */
  effectiveTo: IsoDate | null;
  /** False while the rules come only from news reports (POLICY.md "unverified"). */
  verified: boolean;
  /** The categories that may apply for each tenure; an empty list means the tenure is not offered. */
  tenures: Record<Tenure, Category[]>;
  categoryOpenings?: Partial<Record<Category, CategoryOpening>>;
  /** Tenures barred to someone who already had a social-housing benefit (Art. 78(1)(a), Art. 88(6)). */
  priorBenefitBars: Tenure[];
  housing: HousingRule;
  income: IncomeRule;
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  // A month or day out of range ("2025-13-40") is an invalid Date, whose toISOString throws.
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

/** Dates compare as strings because they are all `YYYY-MM-DD`; `effectiveTo` is inclusive. */
export function inForceOn(policy: PolicyVersion, date: IsoDate): boolean {
  return policy.effectiveFrom <= date && (policy.effectiveTo === null || date <= policy.effectiveTo);
}

export function covers(policy: PolicyVersion, provinceCode: string): boolean {
  return policy.scope.provinces === 'national' || policy.scope.provinces.includes(provinceCode);
}

/** The citation as reasons quote it, flagged while the rules are unverified. */
export function citationOf(policy: PolicyVersion): string {
  return policy.verified ? policy.citation : `${policy.citation}, unverified`;
}

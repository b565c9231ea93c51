import type { DomainEvent } from '../../shared/decider';

export type CheckedRole = 'applicant' | 'spouse' | 'child' | 'parent' | 'other';
export type IdentityResult = 'match' | 'name-mismatch' | 'birth-date-mismatch' | 'gender-mismatch' | 'unknown';
export type HouseholdResult = 'consistent' | 'undeclared-spouse' | 'declared-spouse-not-spouse' | 'household-differs' | 'unknown';

/**
 * API.md "Police check result": what the registries say of one person of a file. Identity,
 * residence and household facts only: nothing of income, category or decisions (POLICY.md
 * "Personal data").
 */
export type PersonCheck = {
  citizenId: string;
  /** Applicant, or the relation declared in the household. */
  role: CheckedRole;
  identity: IdentityResult;
  /** Every way the declaration and the id's own digits differ from the registry, in English: so every check has recorded them. */
  identityReasons: string[];
  /**
   * The same reasons, in the same order, in Vietnamese for the reader. Added beside the English
   * rather than in its place, so a stored check keeps its meaning: absent from the checks recorded
   * before it, which are read through `vietnameseOf` (identity-reasons.ts).
   */
  identityReasonsVi?: string[];
  /** Null when the registry does not know the person. */
  alive: boolean | null;
  /** The permanent residence province, else the temporary one; null when neither is known. */
  residenceProvince: string | null;
  household: HouseholdResult;
  /** The applicant's living spouse in the registry, when the file did not declare them. */
  undeclaredSpouseCitizenId: string | null;
  /** Null when no land-registry extract has been imported: unknown, not "owns none". */
  ownsHousingInProvince: boolean | null;
  /** Certificates naming the person as owner in the province: the evidence for the line above. */
  housingCertificates: string[];
  /** Whether the undeclared spouse owns housing in the province (null: no spouse hidden, or unknown). */
  undeclaredSpouseOwnsHousingInProvince: boolean | null;
};

/** Which registry answered, and which version of it: a check can be reproduced from these. */
export type CheckSources = {
  population: { kind: 'extract' | 'http'; snapshot: string };
  land: { kind: 'extract'; snapshot: string };
};

/**
 * Stream `application-{id}`: the police cross-check of a file against the national population
 * database and the land registry, with the snapshots consulted.
 */
export type PopulationCheckRecorded = DomainEvent<
  'PopulationCheckRecorded',
  {
    applicationId: string;
    provinceCode: string;
    checkedAt: string;
    sources: CheckSources;
    persons: PersonCheck[];
  }
>;

import type { DomainEvent } from '../../shared/decider';

/** API.md "Police check result": what the population registry says of one person of a file. */
export type PersonCheck = {
  citizenId: string;
  /** Applicant, or the relation declared in the household. */
  role: 'applicant' | 'spouse' | 'child' | 'parent' | 'other';
  identity: 'match' | 'name-mismatch' | 'birth-date-mismatch' | 'gender-mismatch' | 'unknown';
  /** Null when the registry does not know the person. */
  alive: boolean | null;
  residenceProvince: string | null;
  household: 'consistent' | 'undeclared-spouse' | 'declared-spouse-not-spouse' | 'household-differs' | 'unknown';
  /** The registry's spouse, when the file did not declare them. */
  undeclaredSpouseCitizenId: string | null;
  ownsHousingInProvince: boolean | null;
};

/**
 * Stream `application-{id}`: the police cross-check of a file against the national population
 * database (and the land registry for housing owned), with the snapshot or service version used.
 */
export type PopulationCheckRecorded = DomainEvent<
  'PopulationCheckRecorded',
  {
    applicationId: string;
    checkedAt: string;
    source: { kind: 'extract' | 'http'; version: string };
    persons: PersonCheck[];
  }
>;

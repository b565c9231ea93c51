/** One person as the national population database holds them (API.md "Registry extracts"). */
export interface RegistryPerson {
  citizenId: string;
  fullName: string;
  /** ISO date. */
  dateOfBirth: string;
  gender: 'male' | 'female';
  status: 'alive' | 'deceased';
  /** ISO date; set exactly when deceased. */
  dateOfDeath: string | null;
  /** 2-digit province codes, null when unknown. */
  permanentProvince: string | null;
  temporaryProvince: string | null;
  householdId: string | null;
  relationToHead: string | null;
  spouseCitizenId: string | null;
}

/** What a lookup answers, and from which version of the registry, so a check can cite it. */
export interface PopulationLookup {
  /** The snapshot (extract import or service version) consulted; "none" when nothing was ever imported. */
  snapshot: string;
  /** Only the people the registry knows: an id missing here is unknown to it. */
  people: Map<string, RegistryPerson>;
}

/**
 * The police's view of the population database. Adapters: a locally imported extract
 * (src/population/extract/) now; the ministry's service later, behind the same port.
 */
export interface PopulationRegistry {
  /** Recorded with every check beside the snapshot. */
  readonly kind: 'extract' | 'http';
  lookup(citizenIds: string[]): Promise<PopulationLookup>;
}

export const POPULATION_REGISTRY = Symbol('PopulationRegistry');

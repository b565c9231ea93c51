/** One housing/land certificate naming a person as owner (API.md "Registry extracts", land). */
export interface LandCertificate {
  citizenId: string;
  /** As recorded: a pre-2025 code stays as it was (Resolution 202/2025). */
  provinceCode: string;
  parcel: string | null;
  certificateNo: string;
  floorAreaM2: number | null;
  /** ISO date. */
  registeredAt: string | null;
}

export interface HousingOwned {
  snapshot: string;
  /** Per citizen id asked, the certificates in the province (an empty list: owns none there). */
  owned: Map<string, LandCertificate[]>;
}

/**
 * The land registry: the source for "owns no housing in the province" (POLICY.md "Who verifies
 * what"). For provinces merged in 2025 the condition is judged on the pre-merger boundaries
 * (Resolution 201/2025/QH15 Art. 9), so `housingOwned` matches the province code exactly: a home
 * in former Hải Dương (30) does not count against a project in Hải Phòng (31). Callers pass the
 * project's pre-merger province code.
 */
export interface LandRegistry {
  readonly kind: 'extract';
  housingOwned(citizenIds: string[], provinceCode: string): Promise<HousingOwned>;
}

export const LAND_REGISTRY = Symbol('LandRegistry');

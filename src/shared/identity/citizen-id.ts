/**
 * What a 12-digit citizen identity number says of its holder (Identification Law 2023 Art. 12,
 * POLICY.md): 3 digits of the province (or country) where the birth was registered, 1 of century
 * and gender, 2 of the birth year, 6 random. There is no check digit.
 */
export interface DecodedCitizenId {
  /** The 3-digit birth-registration code, e.g. "031" Hải Phòng (old 63-province codes). */
  birthRegistrationCode: string;
  gender: 'male' | 'female';
  birthYear: number;
}

export function decodeCitizenId(citizenId: string): DecodedCitizenId | undefined {
  const match = /^(\d{3})(\d)(\d{2})\d{6}$/.exec(citizenId);
  if (!match) return undefined;
  const marker = Number(match[2]);
  // 0/1: 1900s, 2/3: 2000s, 4/5: 2100s, … (even male, odd female); 1800s and beyond 2100s are not issued.
  if (marker > 5) return undefined;
  const century = 1900 + Math.floor(marker / 2) * 100;
  return { birthRegistrationCode: match[1], gender: marker % 2 === 0 ? 'male' : 'female', birthYear: century + Number(match[3]) };
}

/** Where the id's own digits contradict what was declared: each a short reason for an inspector. */
export function citizenIdContradictions(
  citizenId: string,
  declared: { dateOfBirth: string; gender: 'male' | 'female' | null },
): string[] {
  const decoded = decodeCitizenId(citizenId);
  if (!decoded) return [`citizen id ${citizenId} has no valid century/gender digit`];
  const reasons: string[] = [];
  const year = Number(declared.dateOfBirth.slice(0, 4));
  if (year !== decoded.birthYear) reasons.push(`citizen id encodes birth year ${decoded.birthYear}, declared ${year}`);
  if (declared.gender !== null && declared.gender !== decoded.gender) {
    reasons.push(`citizen id encodes gender ${decoded.gender}, declared ${declared.gender}`);
  }
  return reasons;
}

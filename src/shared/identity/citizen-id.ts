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

/**
 * One way the id's own digits contradict a declaration: `vi` for the board that reads the finding,
 * `en` kept beside it in the police check's reasons. `concerns` says which declared field it is
 * about; a century/gender digit that is never issued counts as gender, the check's long-standing
 * reading of that digit.
 */
export interface IdDigitsContradiction {
  concerns: 'birth-year' | 'gender';
  vi: string;
  en: string;
}

export const GENDER_VI = { male: 'nam', female: 'nữ' } as const;

type Gender = 'male' | 'female';

/**
 * Each contradiction in both languages. Exported so that a reason recorded in English only can be
 * rebuilt in the same Vietnamese words (population/domain/identity-reasons.ts).
 */
export const idDigits = {
  invalidCenturyDigit: (citizenId: string): IdDigitsContradiction => ({
    concerns: 'gender',
    vi: `chữ số thế kỷ/giới tính của số CCCD ${citizenId} không hợp lệ`,
    en: `citizen id ${citizenId} has no valid century/gender digit`,
  }),
  birthYear: (encoded: number, declared: number): IdDigitsContradiction => ({
    concerns: 'birth-year',
    vi: `số CCCD ghi năm sinh ${encoded}, đã khai ${declared}`,
    en: `citizen id encodes birth year ${encoded}, declared ${declared}`,
  }),
  gender: (encoded: Gender, declared: Gender): IdDigitsContradiction => ({
    concerns: 'gender',
    vi: `số CCCD ghi giới tính ${GENDER_VI[encoded]}, đã khai ${GENDER_VI[declared]}`,
    en: `citizen id encodes gender ${encoded}, declared ${declared}`,
  }),
};

export function citizenIdContradictions(citizenId: string, declared: { dateOfBirth: string; gender: Gender | null }): IdDigitsContradiction[] {
  const decoded = decodeCitizenId(citizenId);
  if (!decoded) return [idDigits.invalidCenturyDigit(citizenId)];
  const found: IdDigitsContradiction[] = [];
  const year = Number(declared.dateOfBirth.slice(0, 4));
  if (year !== decoded.birthYear) found.push(idDigits.birthYear(decoded.birthYear, year));
  if (declared.gender !== null && declared.gender !== decoded.gender) found.push(idDigits.gender(decoded.gender, declared.gender));
  return found;
}

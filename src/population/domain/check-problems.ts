import type { PersonCheck } from './population-check.events';

export type ProblemKind = 'unknown-person' | 'identity-mismatch' | 'deceased' | 'undeclared-spouse' | 'household-differs' | 'housing-owned';

export interface CheckProblem {
  kind: ProblemKind;
  severity: 'high' | 'medium';
  /** Whom the problem is about: the person checked, or the spouse the file hid. */
  citizenIds: string[];
  /** Completes the finding's "Trong hồ sơ X, <vai trò> <số CCCD> …" (registry-mismatch.summary.ts), in Vietnamese. */
  text: string;
}

/**
 * What a police check found wrong with one person, as inspectors name it (DESIGN.md detector 4).
 * Housing counts for the applicant and spouse only, as POLICY.md "Who verifies what" asks of the
 * land registry; a hidden spouse's housing counts against the applicant.
 */
export function problemsOf(p: PersonCheck): CheckProblem[] {
  const found: CheckProblem[] = [];
  const about = [p.citizenId];
  if (p.identity === 'unknown') found.push({ kind: 'unknown-person', severity: 'high', citizenIds: about, text: 'không có trong cơ sở dữ liệu dân cư' });
  else if (p.identity !== 'match') {
    found.push({ kind: 'identity-mismatch', severity: 'medium', citizenIds: about, text: `không khớp với cơ sở dữ liệu dân cư (${p.identity})` });
  }
  if (p.alive === false) found.push({ kind: 'deceased', severity: 'high', citizenIds: about, text: 'được ghi nhận là đã mất' });
  if (p.household === 'undeclared-spouse') {
    const spouse = p.undeclaredSpouseCitizenId;
    found.push({
      kind: 'undeclared-spouse',
      severity: 'high',
      citizenIds: spouse ? [p.citizenId, spouse] : about,
      text: `có vợ/chồng không khai ${spouse ?? '(không rõ số CCCD)'}`,
    });
  } else if (p.household !== 'consistent' && p.household !== 'unknown') {
    found.push({ kind: 'household-differs', severity: 'medium', citizenIds: about, text: `hộ gia đình khác với lời khai (${p.household})` });
  }
  const ownsHere = (p.role === 'applicant' || p.role === 'spouse') && p.ownsHousingInProvince === true;
  const owningSpouse = p.undeclaredSpouseOwnsHousingInProvince === true ? p.undeclaredSpouseCitizenId : null;
  if (ownsHere || owningSpouse !== null) {
    const whose = ownsHere ? (owningSpouse !== null ? 'và vợ/chồng không khai đều có' : 'có') : 'có vợ/chồng không khai đang có';
    found.push({ kind: 'housing-owned', severity: 'high', citizenIds: owningSpouse !== null ? [p.citizenId, owningSpouse] : about, text: `${whose} nhà ở trong tỉnh` });
  }
  return found;
}

/** Whether a check found anything wrong with any person of the file. */
export const checkFails = (persons: readonly PersonCheck[]): boolean => persons.some((p) => problemsOf(p).length > 0);

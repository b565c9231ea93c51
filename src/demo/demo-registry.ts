import type { HouseholdMember, Person } from '../applications/domain/application.events';

/** A file the police check, as the population registry knows its people. */
export interface RegisteredFile {
  fileId: string;
  province: string;
  applicant: Person;
  household: readonly HouseholdMember[];
  /** The citizen id the registry records as deceased (the injected registry mismatch), if any. */
  deceased: string | null;
}

const HEADER = 'citizen_id,full_name,date_of_birth,gender,status,date_of_death,permanent_province,temporary_province,household_id,relation_to_head,spouse_citizen_id';
const cell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/**
 * The population extract (API.md "Registry extracts") that agrees with every checked file's
 * declaration: one household per file, spouses recorded as each other's, children in the
 * applicant's household. Only `deceased` disagrees. One row per citizen id.
 */
export function populationExtract(files: readonly RegisteredFile[], diedOn: string): string {
  const lines = [HEADER];
  const seen = new Set<string>();
  for (const f of files) {
    const spouse = f.household.find((m) => m.relation === 'spouse');
    const people: [Person, string, string][] = [[f.applicant, 'chủ hộ', spouse?.citizenId ?? ''], ...f.household.map((m): [Person, string, string] => [m, m.relation, m.relation === 'spouse' ? f.applicant.citizenId : ''])];
    for (const [p, relation, spouseId] of people) {
      if (seen.has(p.citizenId)) continue;
      seen.add(p.citizenId);
      const dead = p.citizenId === f.deceased;
      lines.push([p.citizenId, cell(p.fullName), p.dateOfBirth, p.gender ?? '', dead ? 'deceased' : 'alive', dead ? diedOn : '', f.province, '', `HK-${f.fileId}`, relation, spouseId].join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

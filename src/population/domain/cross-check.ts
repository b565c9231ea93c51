import type { HouseholdMember, Person } from '../../applications/domain/application.events';
import { citizenIdContradictions } from '../../shared/identity/citizen-id';
import { normalizeName } from '../../shared/identity/normalize-name';
import type { LandCertificate } from '../land-registry.port';
import type { RegistryPerson } from '../population-registry.port';
import { type IdentityReason, identityReason } from './identity-reasons';
import type { CheckedRole, HouseholdResult, IdentityResult, PersonCheck } from './population-check.events';

/** The people of one file as declared: the applicant and every household member. */
export interface DeclaredFile {
  applicant: Person;
  household: HouseholdMember[];
}

/** What the registries answered for the people of the file (and the applicant's registry spouse). */
export interface RegistryAnswers {
  people: ReadonlyMap<string, RegistryPerson>;
  /** Certificates in the file's province per citizen id; undefined when no land extract exists. */
  housing: ReadonlyMap<string, LandCertificate[]> | undefined;
}

/** Everyone the file names: the registries are asked about each of them. */
export function citizenIdsOf(file: DeclaredFile): string[] {
  return [file.applicant.citizenId, ...file.household.map((m) => m.citizenId)];
}

/**
 * The applicant's living spouse according to the registry, when the file does not declare them
 * as spouse: the hidden marriage POLICY.md's "applicant and spouse own no housing" turns on.
 */
export function undeclaredSpouseOf(file: DeclaredFile, people: ReadonlyMap<string, RegistryPerson>): string | null {
  const spouseId = people.get(file.applicant.citizenId)?.spouseCitizenId ?? null;
  if (spouseId === null) return null;
  if (file.household.some((m) => m.relation === 'spouse' && m.citizenId === spouseId)) return null;
  // A widow(er) is not married: a deceased spouse hides nothing.
  return people.get(spouseId)?.status === 'deceased' ? null : spouseId;
}

/** Cross-checks every person of the file against the registries' answers. Pure: no I/O. */
export function crossCheck(file: DeclaredFile, answers: RegistryAnswers): PersonCheck[] {
  const declared: { person: Person; role: CheckedRole }[] = [
    { person: file.applicant, role: 'applicant' },
    ...file.household.map((m) => ({ person: m, role: m.relation })),
  ];
  const applicantRecord = answers.people.get(file.applicant.citizenId);
  const hiddenSpouse = undeclaredSpouseOf(file, answers.people);
  return declared.map(({ person, role }) => {
    const record = answers.people.get(person.citizenId);
    const { identity, reasons } = identityOf(person, record);
    const certificates = answers.housing?.get(person.citizenId) ?? [];
    const isApplicant = role === 'applicant';
    return {
      citizenId: person.citizenId,
      role,
      identity,
      identityReasons: reasons.map((r) => r.en),
      identityReasonsVi: reasons.map((r) => r.vi),
      alive: record ? record.status === 'alive' : null,
      residenceProvince: record ? (record.permanentProvince ?? record.temporaryProvince) : null,
      household: householdOf(person, role, record, file.applicant.citizenId, applicantRecord, isApplicant ? hiddenSpouse : null),
      undeclaredSpouseCitizenId: isApplicant ? hiddenSpouse : null,
      ownsHousingInProvince: answers.housing ? certificates.length > 0 : null,
      housingCertificates: certificates.map((c) => c.certificateNo),
      undeclaredSpouseOwnsHousingInProvince:
        isApplicant && hiddenSpouse !== null && answers.housing ? (answers.housing.get(hiddenSpouse)?.length ?? 0) > 0 : null,
    };
  });
}

/**
 * Name without diacritics or case, birth date, gender (when declared), then the id's own digits
 * (birth year, century and gender). The first difference in that order names the result.
 */
function identityOf(person: Person, record: RegistryPerson | undefined): { identity: IdentityResult; reasons: IdentityReason[] } {
  if (!record) return { identity: 'unknown', reasons: [identityReason.notInRegistry()] };
  const found: { identity: IdentityResult; reason: IdentityReason }[] = [];
  if (normalizeName(person.fullName) !== normalizeName(record.fullName)) {
    found.push({ identity: 'name-mismatch', reason: identityReason.name(person.fullName, record.fullName) });
  }
  if (person.dateOfBirth !== record.dateOfBirth) {
    found.push({ identity: 'birth-date-mismatch', reason: identityReason.birthDate(person.dateOfBirth, record.dateOfBirth) });
  }
  if (person.gender !== null && person.gender !== record.gender) {
    found.push({ identity: 'gender-mismatch', reason: identityReason.gender(person.gender, record.gender) });
  }
  for (const contradiction of citizenIdContradictions(person.citizenId, { dateOfBirth: person.dateOfBirth, gender: person.gender ?? record.gender })) {
    found.push({ identity: contradiction.concerns === 'gender' ? 'gender-mismatch' : 'birth-date-mismatch', reason: contradiction });
  }
  const order: IdentityResult[] = ['name-mismatch', 'birth-date-mismatch', 'gender-mismatch'];
  const first = order.find((kind) => found.some((f) => f.identity === kind));
  return { identity: first ?? 'match', reasons: found.map((f) => f.reason) };
}

function householdOf(
  person: Person,
  role: CheckedRole,
  record: RegistryPerson | undefined,
  applicantId: string,
  applicantRecord: RegistryPerson | undefined,
  hiddenSpouse: string | null,
): HouseholdResult {
  if (!record) return 'unknown';
  if (role === 'applicant') return hiddenSpouse !== null ? 'undeclared-spouse' : 'consistent';
  if (role === 'spouse') {
    const married = record.spouseCitizenId === applicantId || applicantRecord?.spouseCitizenId === person.citizenId;
    return married ? 'consistent' : 'declared-spouse-not-spouse';
  }
  // Children, parents and others are declared as living in the applicant's household (hộ khẩu).
  if (!applicantRecord || record.householdId === null || applicantRecord.householdId === null) return 'unknown';
  return record.householdId === applicantRecord.householdId ? 'consistent' : 'household-differs';
}

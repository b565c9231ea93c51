import { isProvinceCode } from '../../shared/province';
import type { PopulationLookup, RegistryPerson } from '../population-registry.port';

/** Thrown for any body that is not exactly the documented shape; the caller reports it as unavailable. */
export class MalformedRegistryResponse extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'MalformedRegistryResponse';
  }
}

const CITIZEN_ID = /^\d{12}$/;

/**
 * Parses `{ snapshot, people: RegistryPerson[] }` all-or-nothing: one bad field rejects the whole
 * answer, so a half-understood body can never turn into a "match". Unknown extra fields are
 * ignored (the registry may grow); people we did not ask for, or listed twice, are refused.
 */
export function parseLookupResponse(body: string, requested: readonly string[]): PopulationLookup {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new MalformedRegistryResponse('body is not JSON');
  }
  if (!isRecord(json)) throw new MalformedRegistryResponse('body is not an object');
  const { snapshot, people } = json;
  if (typeof snapshot !== 'string' || snapshot.trim() === '') throw new MalformedRegistryResponse('snapshot must be a non-empty string');
  if (!Array.isArray(people)) throw new MalformedRegistryResponse('people must be an array');
  const asked = new Set(requested);
  const result = new Map<string, RegistryPerson>();
  people.forEach((raw: unknown, index) => {
    const person = parsePerson(raw, `people[${index}]`);
    if (!asked.has(person.citizenId)) throw new MalformedRegistryResponse(`people[${index}] is ${person.citizenId}, which was not asked for`);
    if (result.has(person.citizenId)) throw new MalformedRegistryResponse(`people[${index}] repeats ${person.citizenId}`);
    result.set(person.citizenId, person);
  });
  return { snapshot, people: result };
}

function parsePerson(raw: unknown, at: string): RegistryPerson {
  if (!isRecord(raw)) throw new MalformedRegistryResponse(`${at} is not an object`);
  const field = <T>(name: string, check: (value: unknown) => value is T, expected: string): T => {
    const value = raw[name];
    if (!check(value)) throw new MalformedRegistryResponse(`${at}.${name} must be ${expected}`);
    return value;
  };
  const person: RegistryPerson = {
    citizenId: field('citizenId', isCitizenId, 'a 12-digit citizen id'),
    fullName: field('fullName', isNonEmpty, 'a non-empty string'),
    dateOfBirth: field('dateOfBirth', isIsoDate, 'an ISO date'),
    gender: field('gender', (v): v is 'male' | 'female' => v === 'male' || v === 'female', '"male" or "female"'),
    status: field('status', (v): v is 'alive' | 'deceased' => v === 'alive' || v === 'deceased', '"alive" or "deceased"'),
    dateOfDeath: field('dateOfDeath', orNull(isIsoDate), 'an ISO date or null'),
    permanentProvince: field('permanentProvince', orNull(isProvince), 'a 2-digit province code or null'),
    temporaryProvince: field('temporaryProvince', orNull(isProvince), 'a 2-digit province code or null'),
    householdId: field('householdId', orNull(isNonEmpty), 'a non-empty string or null'),
    relationToHead: field('relationToHead', orNull(isNonEmpty), 'a non-empty string or null'),
    spouseCitizenId: field('spouseCitizenId', orNull(isCitizenId), 'a 12-digit citizen id or null'),
  };
  // The port promises a date of death exactly when deceased; a contradiction is not ours to smooth over.
  if ((person.status === 'deceased') !== (person.dateOfDeath !== null)) {
    throw new MalformedRegistryResponse(`${at} has status ${person.status} but dateOfDeath ${person.dateOfDeath ?? 'null'}`);
  }
  return person;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isCitizenId(value: unknown): value is string {
  return typeof value === 'string' && CITIZEN_ID.test(value);
}

function isProvince(value: unknown): value is string {
  return typeof value === 'string' && isProvinceCode(value);
}

/** A real calendar date: "2023-02-30" matches the pattern but is refused. */
function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function orNull<T>(check: (value: unknown) => value is T) {
  return (value: unknown): value is T | null => value === null || check(value);
}

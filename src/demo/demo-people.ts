import type { HouseholdMember, HouseholdRelation, Person } from '../applications/domain/application.events';
import { FAMILY_NAMES, GIVEN_NAMES, MIDDLE_NAMES } from '../shared/identity/common-names';
import { birthDateSimilarity, declaredAsOthers, familyGivenKey, identitySimilarity, SIMILAR_IDENTITY_THRESHOLD, swappedDayMonth } from '../shared/identity/identity-similarity';
import { normalizeName } from '../shared/identity/normalize-name';
import { between, pick, type Random } from './demo-random';

type Gender = 'male' | 'female';
interface Known { citizenId: string; nameNorm: string; dateOfBirth: string; gender: Gender }
/** Roughly how common the first family names are (Nguyễn about a third): namesakes are realistic. */
const FAMILY_WEIGHTS = [30, 11, 9, 7, 5, 4, 4, 3, 3, 2, 2, 2, 2, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1];
const FAMILY_POOL = FAMILY_NAMES.flatMap((f, i) => Array<string>(FAMILY_WEIGHTS[i] ?? 1).fill(f));

const stripMarks = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * The people of the demo province. Names are Vietnamese, typed with diacritics by most clerks and
 * without by some. Two generated people are never alike by accident (same or swapped birth date and
 * a near-identical name): a real province has a few such doppelgängers, and they are findings an
 * inspector must look at, not noise, so the demo keeps them to what it plants and counts.
 */
export class DemoPeople {
  private readonly serials = new Map<string, number>();
  private readonly byBirthDate = new Map<string, Known[]>();
  private readonly byFamilyGiven = new Map<string, Known[]>();

  constructor(private readonly rnd: Random) {}

  person(province: string, birthYear: number, gender: Gender): Person {
    for (;;) {
      const middle = pick(this.rnd, MIDDLE_NAMES[gender]);
      const name = `${pick(this.rnd, FAMILY_POOL)} ${middle} ${pick(this.rnd, GIVEN_NAMES[gender])}`;
      const dateOfBirth = `${birthYear}-${pad(between(this.rnd, 1, 12))}-${pad(between(this.rnd, 1, 28))}`;
      const citizenId = this.citizenId(province, birthYear, gender);
      if (this.alikeToSomeone(citizenId, normalizeName(name), dateOfBirth, gender)) continue;
      const fullName = this.rnd() < 0.15 ? stripMarks(name).toUpperCase() : name;
      this.remember(citizenId, normalizeName(fullName), dateOfBirth, gender);
      return { citizenId, fullName, dateOfBirth, gender };
    }
  }

  member(province: string, birthYear: number, gender: Gender, relation: HouseholdRelation): HouseholdMember {
    return { ...this.person(province, birthYear, gender), relation };
  }

  /** Someone with this person's name born on another day and month: a namesake, a look-alike. */
  namesake(p: Person, province: string): Person {
    const year = Number(p.dateOfBirth.slice(0, 4));
    const gender = p.gender ?? 'male';
    for (;;) {
      const dateOfBirth = `${year}-${pad(between(this.rnd, 1, 12))}-${pad(between(this.rnd, 1, 28))}`;
      if (birthDateSimilarity(dateOfBirth, p.dateOfBirth) > 0) continue;
      const citizenId = this.citizenId(province, year, gender);
      if (this.alikeToSomeone(citizenId, normalizeName(p.fullName), dateOfBirth, gender)) continue;
      this.remember(citizenId, normalizeName(p.fullName), dateOfBirth, gender);
      return { ...p, citizenId, dateOfBirth };
    }
  }

  /** The same person under a new id (the abuse), declared as given. */
  newId(p: Person, declared: Person): Person {
    const year = Number(p.dateOfBirth.slice(0, 4));
    const citizenId = this.citizenId(p.citizenId.slice(1, 3), year, p.gender ?? 'male');
    return { ...declared, citizenId };
  }

  /** 12 digits (POLICY.md): 0 + province, century/gender, 2-digit year, 6 digits unique in that prefix. */
  citizenId(province: string, birthYear: number, gender: Gender): string {
    const prefix = `0${province}${Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0)}${pad(birthYear % 100)}`;
    const n = (this.serials.get(prefix) ?? 0) + between(this.rnd, 1, 40);
    this.serials.set(prefix, n);
    return `${prefix}${pad(n, 6)}`;
  }

  /** Whether someone generated before is alike to this one in the ledger's blocks (birth date, swapped date, family + given name). */
  private alikeToSomeone(citizenId: string, nameNorm: string, dateOfBirth: string, gender: Gender): boolean {
    const swapped = swappedDayMonth(dateOfBirth);
    const block = [...(this.byBirthDate.get(dateOfBirth) ?? []), ...(swapped ? this.byBirthDate.get(swapped) ?? [] : []), ...(this.byFamilyGiven.get(familyGivenKey(nameNorm)) ?? [])];
    return block.some((o) => {
      if (birthDateSimilarity(o.dateOfBirth, dateOfBirth) === 0) return false;
      if (familyGivenKey(o.nameNorm) === familyGivenKey(nameNorm)) return true;
      return identitySimilarity({ citizenId, nameNorm, dateOfBirth, gender, household: [] }, { ...o, household: [] }).score >= SIMILAR_IDENTITY_THRESHOLD - 0.1;
    });
  }

  private remember(citizenId: string, nameNorm: string, dateOfBirth: string, gender: Gender): void {
    const known: Known = { citizenId, nameNorm, dateOfBirth, gender };
    for (const [map, key] of [[this.byBirthDate, dateOfBirth], [this.byFamilyGiven, familyGivenKey(nameNorm)]] as const) {
      const list = map.get(key) ?? [];
      list.push(known);
      map.set(key, list);
    }
  }
}

/** A clerk's typo: two neighbouring letters of one word swapped, giving no common name word. */
export function typo(rnd: Random, fullName: string): string {
  const words = fullName.split(' ');
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const w = between(rnd, 0, words.length - 1);
    const word = words[w];
    if (word.length < 3) continue;
    const i = between(rnd, 1, word.length - 2);
    const swapped = `${word.slice(0, i)}${word[i + 1]}${word[i]}${word.slice(i + 2)}`;
    if (normalizeName(swapped) === normalizeName(word)) continue;
    const typed = [...words.slice(0, w), swapped, ...words.slice(w + 1)].join(' ');
    return typed;
  }
  return `${fullName}h`;
}

export function dropMiddleName(fullName: string): string {
  const words = fullName.split(' ');
  return words.length > 2 ? `${words[0]} ${words[words.length - 1]}` : fullName;
}

/** Whether one id's two declarations read as a slip: the ledger does not flag those (declaredAsOthers). */
export const isSlip = (citizenId: string, a: Person, b: Person): boolean =>
  !declaredAsOthers(citizenId, [a, b].map((p) => ({ nameNorm: normalizeName(p.fullName), dateOfBirth: p.dateOfBirth, gender: p.gender })));

import { boundedMemo } from '../bounded-memo';
import { decodeCitizenId } from './citizen-id';
import { COMMON_NAME_WORDS } from './common-names';
import { jaroWinkler } from './jaro-winkler';

/** One declaration of a person, as the identity detector compares it. */
export interface IdentityProfile {
  citizenId: string;
  /** normalizeName of the declared name. */
  nameNorm: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  gender: string | null;
  /** Citizen ids of the other people declared in the same file. */
  household: readonly string[];
}

/** Each component in [0, 1], as an inspector reads it in the finding. */
export interface SimilarityComponents {
  name: number;
  birthDate: number;
  gender: number;
  idDigits: number;
  household: number;
}

export interface IdentitySimilarity {
  score: number;
  components: SimilarityComponents;
}

/** The weight of each component: the name and birth date carry the decision, the rest tips it. */
export const SIMILARITY_WEIGHTS: Readonly<SimilarityComponents> = { name: 0.5, birthDate: 0.25, gender: 0.1, idDigits: 0.1, household: 0.05 };
/**
 * From here a pair is reported. Calibrated so that one typo, a swapped day and month, or a dropped
 * middle name (each with the rest agreeing) pass, and a namesake with another birth date (≤ 0.75
 * even sharing a household) or a different common given name (≤ 0.7) does not. So a pair needs
 * the same or a swapped birth date, and the detectors block candidates by birth date alone.
 */
export const SIMILAR_IDENTITY_THRESHOLD = 0.85;

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The birth date with day and month swapped (a clerk reading 03/05 as 5 March), or null when that is no other valid date. */
export function swappedDayMonth(dateOfBirth: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m || m[2] === m[3] || Number(m[3]) > 12) return null;
  return `${m[1]}-${m[3]}-${m[2]}`;
}

/** Family and given name (first and last word of a normalised name): the block that survives a dropped middle name. */
export function familyGivenKey(nameNorm: string): string {
  const words = nameNorm.split(' ');
  return `${words[0]} ${words[words.length - 1]}`;
}

/** Name similarity in [0, 1]; see SIMILAR_IDENTITY_THRESHOLD for what it is tuned to tell apart. */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const wa = a.split(' ');
  const wb = b.split(' ');
  if (droppedMiddle(wa, wb)) return 0.95;
  const jw = jaroWinkler(a, b);
  return twoRealNames(wa, wb) ? jw * 0.5 : jw;
}

/**
 * False when nameSimilarity is at most 0.5 (two real names): the pair then scores at most 0.75,
 * below the threshold whatever else agrees. Costs two word comparisons where Jaro-Winkler of the
 * whole names cost most of a ledger rebuild (npm run bench -- projections).
 */
export function nameMayBeAlike(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  // twoRealNames' commonest case, without its other tests: another common family or given name.
  const [fa, fb, ga, gb] = [wa[0], wb[0], wa[wa.length - 1], wb[wb.length - 1]];
  if (otherCommonWords(fa, fb) || otherCommonWords(ga, gb)) return false;
  return droppedMiddle(wa, wb) || !twoRealNames(wa, wb);
}

/**
 * The words of a normalised name, split once: a rebuild compares each declaration with every other
 * born the same day, and splitting both names per pair was a third of that comparison's cost.
 * Names repeat (a few thousand cover most of a province); the memo is emptied when it fills.
 */
const wordsOf = boundedMemo<readonly string[]>(100_000, (nameNorm) => nameNorm.split(' '));

/** The bucket of givenNameBucket for a given name that is not a common one (a rare name, or a typo). */
export const UNCOMMON_GIVEN_NAME = '';

/**
 * The given name (last word) when it is a common one, else UNCOMMON_GIVEN_NAME. Two names in two
 * different common buckets are never alike (nameMayBeAlike), so a block of candidates can be cut
 * to one bucket and the uncommon one.
 */
export function givenNameBucket(nameNorm: string): string {
  const words = wordsOf(nameNorm);
  const given = words[words.length - 1];
  return COMMON_NAME_WORDS.has(given) ? given : UNCOMMON_GIVEN_NAME;
}

/** A dropped (or added) middle name: family and given agree and one's middle names are among the other's. */
function droppedMiddle(wa: readonly string[], wb: readonly string[]): boolean {
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  const sameEnds = short[0] === long[0] && short[short.length - 1] === long[long.length - 1];
  return sameEnds && short.length < long.length && short.slice(1, -1).every((w) => long.slice(1, -1).includes(w));
}

/**
 * Below this, and more than one edit apart, a family or given name is another name rather than the
 * same one mistyped (HUNG/HUGN 0.93; NAM/NMA is one transposition, though Jaro's window misses it in
 * three letters; HUNG/NMA 0).
 */
const SAME_WORD_MIN = 0.8;

/**
 * Whether the names differ by a whole name word: a family or given name that is another common name
 * or too far from the other to be a slip of it, or a middle word in the same place that is another
 * common name. Then the full-string measure, lifted by the shared rest, must not decide.
 */
function twoRealNames(wa: readonly string[], wb: readonly string[]): boolean {
  const far = (x: string, y: string) => x !== y && !oneEditApart(x, y) && jaroWinkler(x, y) < SAME_WORD_MIN;
  const [fa, fb, ga, gb] = [wa[0], wb[0], wa[wa.length - 1], wb[wb.length - 1]];
  if (otherCommonWords(fa, fb) || otherCommonWords(ga, gb) || far(fa, fb) || far(ga, gb)) return true;
  if (wa.length !== wb.length) return false;
  for (let i = 1; i < wa.length - 1; i += 1) if (otherCommonWords(wa[i], wb[i])) return true;
  return false;
}

/** Two different words, both common names: another person's name, not a slip of this one. */
function otherCommonWords(x: string | undefined, y: string | undefined): boolean {
  return x !== undefined && y !== undefined && x !== y && COMMON_NAME_WORDS.has(x) && COMMON_NAME_WORDS.has(y);
}

/**
 * The same date 1; day and month swapped 0.9; else 0. A date one digit off is not taken for a typo:
 * namesakes born a day apart are as likely, and the ledger must not flag them (detector tests).
 */
export function birthDateSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  return swappedDayMonth(a) === b ? 0.9 : 0;
}

/**
 * Whether a pair can reach the threshold at all: with birth dates that are not alike it scores at
 * most 0.75 (name 0.5, gender 0.1, id 0.1, household 0.05), so the name is not even compared.
 */
export const mayBeSimilar = (a: { dateOfBirth: string }, b: { dateOfBirth: string }): boolean => birthDateSimilarity(a.dateOfBirth, b.dateOfBirth) > 0;

export function genderSimilarity(a: string | null, b: string | null): number {
  const known = (g: string | null) => g === 'male' || g === 'female';
  if (!known(a) || !known(b)) return 0.5;
  return a === b ? 1 : 0;
}

/**
 * What the two ids' own digits say (citizen-id.ts): the same id, or one keystroke apart (a digit mistyped, or two
 * neighbours swapped) 1; the same birth-registration code, gender and birth year 0.8; the same
 * gender and year from another province 0.6; a different gender or year 0 (two people, or one id false).
 */
export function idDigitsSimilarity(a: string, b: string): number {
  if (a === b || oneKeystrokeApart(a, b)) return 1;
  const da = decodeCitizenId(a);
  const db = decodeCitizenId(b);
  if (!da || !db) return 0.5;
  if (da.gender !== db.gender || da.birthYear !== db.birthYear) return 0;
  return da.birthRegistrationCode === db.birthRegistrationCode ? 0.8 : 0.6;
}

/** One substitution, insertion, deletion or swap of neighbours (optimal string alignment distance ≤ 1). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function oneKeystrokeApart(a: string, b: string): boolean {
  if (a.length !== b.length || a === b) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i += 1) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

/** How alike two declarations under different ids are: the weighted components and their sum. */
export function identitySimilarity(a: IdentityProfile, b: IdentityProfile): IdentitySimilarity {
  const others = (p: IdentityProfile) => p.household.filter((id) => id !== a.citizenId && id !== b.citizenId);
  const theirs = new Set(others(b));
  const components: SimilarityComponents = {
    name: round(nameSimilarity(a.nameNorm, b.nameNorm)),
    birthDate: birthDateSimilarity(a.dateOfBirth, b.dateOfBirth),
    gender: genderSimilarity(a.gender, b.gender),
    idDigits: idDigitsSimilarity(a.citizenId, b.citizenId),
    household: others(a).some((id) => theirs.has(id)) ? 1 : 0,
  };
  const w = SIMILARITY_WEIGHTS;
  const score = round(components.name * w.name + components.birthDate * w.birthDate + components.gender * w.gender
    + components.idDigits * w.idDigits + components.household * w.household);
  return { score, components };
}

/**
 * The most `identitySimilarity` can give the two, whatever their households: a pair below the
 * threshold here is not alike, and nobody need read who else is in their files.
 */
export function similarityCeiling(a: Omit<IdentityProfile, 'household'>, b: Omit<IdentityProfile, 'household'>): number {
  return identitySimilarity({ ...a, household: ['\u0000'] }, { ...b, household: ['\u0000'] }).score;
}

/** Declared data of one id, as `declarationsAlike` compares it. */
export interface DeclaredIdentity { nameNorm: string; dateOfBirth: string; gender: string | null }

/**
 * Whether two declarations under one id are a clerk's slip (a typo, day and month swapped, a
 * dropped middle name) rather than two people: scored as two ids would be, the ids' digits agreeing.
 */
export function declarationsAlike(citizenId: string, a: DeclaredIdentity, b: DeclaredIdentity): boolean {
  return identitySimilarity({ citizenId, household: [], ...a }, { citizenId, household: [], ...b }).score >= SIMILAR_IDENTITY_THRESHOLD;
}

/** Whether some two of the distinct declarations of one id cannot be the same person. */
export function declaredAsOthers(citizenId: string, identities: readonly DeclaredIdentity[]): boolean {
  return identities.some((x, i) => identities.slice(i + 1).some((y) => !declarationsAlike(citizenId, x, y)));
}

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { ApplicationSubmitted, HouseholdMember, Person } from '../src/applications/domain/application.events';
import type { StreamAppend } from '../src/event-store/event-store.port';
import { LAND_HEADER } from '../src/population/extract/land-row';
import { POPULATION_HEADER } from '../src/population/extract/population-row';
import type { RegistryPerson } from '../src/population/population-registry.port';

/** Hải Phòng: the project's province, the police's province, and where most of the registry lives. */
export const PROVINCE = '31';

/**
 * The registry is laid out in groups of ten people forming four households: a single person, a
 * couple, a couple with a child, a couple with two children (sizes 1-4, 2.5 on average). The
 * offsets are where each household starts in its group.
 */
const GROUP = 10;
const HOUSEHOLD_START = [0, 1, 3, 6] as const;
/** Birth-registration codes of the id's first three digits, one per million people; "099" is never issued here. */
const REGISTRATION_CODES = ['031', '001', '079', '030', '048', '092', '004', '026', '034', '036'];
const UNKNOWN_CODE = '099';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương'];
const MIDDLE_MALE = ['Văn', 'Minh', 'Quốc', 'Hữu', 'Đức', 'Thanh', 'Xuân', 'Gia'];
const MIDDLE_FEMALE = ['Thị', 'Ngọc', 'Thu', 'Thanh', 'Hoài', 'Xuân', 'Mỹ', 'Bảo'];
const GIVEN_MALE = ['An', 'Đức', 'Cường', 'Nghĩa', 'Bình', 'Dũng', 'Hải', 'Hiếu', 'Hùng', 'Khánh', 'Long', 'Nam', 'Phúc', 'Quân', 'Sơn', 'Trung', 'Tuấn'];
const GIVEN_FEMALE = ['Lan', 'Hà', 'Hồng', 'Ánh', 'Châu', 'Giang', 'Linh', 'Mai', 'Ngân', 'Phương', 'Quỳnh', 'Tâm', 'Thảo', 'Trang', 'Vy', 'Yến'];
const OTHER_PROVINCES = ['01', '30', '79', '48'];

/** Independent streams of randomness, one per decision, so changing one rate leaves the others' picks alone. */
const SALT = { gender: 1, year: 2, month: 3, day: 4, family: 5, middle: 6, given: 7, death: 8, residence: 9, fault: 10, land: 11, owner: 12, filler: 13, fillerProvince: 14, income: 15 };

/** A stateless 32-bit hash of (n, salt) in [0, 1): any person or file can be derived alone, in any order. */
function chance(n: number, salt: number): number {
  let h = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(salt + 0x632be5ab, 0xc2b2ae35);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[], n: number, salt: number): T => items[Math.floor(chance(n, salt) * items.length)];
const two = (n: number): string => String(n).padStart(2, '0');

export interface PopulationConfig {
  people: number;
  applications: number;
  landCertificates: number;
}

/** Deliberate faults, each in about 1 % of files (hidden spouse: of files with a spouse). */
export type Fault = 'none' | 'unknown-id' | 'wrong-birth-date' | 'hidden-spouse';

/** One file as planned: which registry people it names and what was done to it to make it mismatch. */
export interface PlannedApplication {
  applicationId: string;
  /** Registry indices of the household: applicant first, then the spouse (if any), then children. */
  members: number[];
  fault: Fault;
  /** Registry index of the declared person the fault altered (unknown-id, wrong-birth-date). */
  faultOn: number | null;
  /** A certificate in province 31 for this registry index (applicant or spouse): a housing problem. */
  ownerIn31: number | null;
  /** A certificate elsewhere for the applicant: must NOT count against the file. */
  ownerElsewhere: number | null;
}

/**
 * A synthetic population registry, land registry and set of applications that agree with each
 * other except where a fault was planted. Everything is a pure function of the indices, so the
 * 1M-row extract is streamed to disk and the applications derived without holding either in memory.
 */
export class PopulationDataset {
  readonly groups: number;
  readonly stride: number;
  private readonly applicationGroups: number;

  constructor(readonly config: PopulationConfig) {
    if (config.people > REGISTRATION_CODES.length * 1_000_000) throw new Error(`BENCH_PEOPLE above ${REGISTRATION_CODES.length * 1_000_000} is not supported`);
    this.groups = Math.floor(config.people / GROUP);
    this.applicationGroups = Math.ceil(config.applications / HOUSEHOLD_START.length);
    if (this.applicationGroups > this.groups) {
      throw new Error(`BENCH_PEOPLE (${config.people}) must be at least 2.5 × BENCH_APPLICATIONS (${config.applications}), rounded up to groups of ten`);
    }
    // Files are spread over the whole registry, not packed into its first quarter.
    this.stride = Math.floor(this.groups / this.applicationGroups);
  }

  /** Registry person `i`, exactly as the population extract lists them. */
  person(i: number): RegistryPerson {
    const { household, head, kind, role, male, year } = basics(i);
    const dateOfBirth = `${year}-${two(1 + Math.floor(chance(i, SALT.month) * 12))}-${two(1 + Math.floor(chance(i, SALT.day) * 28))}`;
    // Children carry the head's family name; a spouse keeps their own.
    const family = role === 'spouse' ? pick(FAMILY, i, SALT.family) : pick(FAMILY, household, SALT.family);
    const fullName = `${family} ${pick(male ? MIDDLE_MALE : MIDDLE_FEMALE, i, SALT.middle)} ${pick(male ? GIVEN_MALE : GIVEN_FEMALE, i, SALT.given)}`;
    const deceased = chance(i, SALT.death) < 0.003;
    const residence = chance(i, SALT.residence);
    const married = kind > 0 && role !== 'child';
    return {
      citizenId: citizenIdOf(i),
      fullName,
      dateOfBirth,
      gender: male ? 'male' : 'female',
      status: deceased ? 'deceased' : 'alive',
      dateOfDeath: deceased ? `2024-${two(1 + Math.floor(chance(i, SALT.month + 100) * 12))}-15` : null,
      // Most live in Hải Phòng; some are registered elsewhere and stay here temporarily.
      permanentProvince: residence < 0.9 ? PROVINCE : pick(OTHER_PROVINCES, i, SALT.residence + 100),
      temporaryProvince: residence < 0.9 ? null : PROVINCE,
      householdId: `HP${String(household).padStart(8, '0')}`,
      relationToHead: role,
      spouseCitizenId: married ? citizenIdOf(role === 'head' ? head + 1 : head) : null,
    };
  }

  /** File `j`: a whole household of the registry, with at most one planted fault and maybe a certificate. */
  application(j: number): PlannedApplication {
    const kind = j % HOUSEHOLD_START.length;
    const head = Math.floor(j / HOUSEHOLD_START.length) * this.stride * GROUP + HOUSEHOLD_START[kind];
    const members = Array.from({ length: kind + 1 }, (_, m) => head + m);
    const roll = chance(j, SALT.fault);
    let fault: Fault = 'none';
    if (roll < 0.01) fault = 'unknown-id';
    else if (roll < 0.02) fault = 'wrong-birth-date';
    else if (roll < 0.03 && kind > 0) fault = 'hidden-spouse';
    const declared = fault === 'hidden-spouse' ? members.filter((m) => m !== head + 1) : members;
    const land = chance(j, SALT.land);
    const ownerIn31 = land < 0.01 ? (kind > 0 && chance(j, SALT.owner) < 0.5 ? head + 1 : head) : null;
    return {
      applicationId: `HP-2025-${String(j).padStart(6, '0')}`,
      members,
      fault,
      faultOn: fault === 'unknown-id' || fault === 'wrong-birth-date' ? declared[declared.length - 1] : null,
      ownerIn31,
      ownerElsewhere: land >= 0.01 && land < 0.02 ? head : null,
    };
  }

  /** The file's ApplicationSubmitted payload: the household as the applicant declares it, faults included. */
  submitted(plan: PlannedApplication, j: number): ApplicationSubmitted['data'] {
    const declare = (i: number): Person => {
      const p = this.person(i);
      const person: Person = { citizenId: p.citizenId, fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender };
      if (i !== plan.faultOn) return person;
      // Both faults keep the id's digits consistent with the declaration: only the registry can tell.
      if (plan.fault === 'unknown-id') return { ...person, citizenId: `${UNKNOWN_CODE}${p.citizenId.slice(3)}` };
      const day = Number(p.dateOfBirth.slice(8, 10));
      return { ...person, dateOfBirth: `${p.dateOfBirth.slice(0, 8)}${two((day % 28) + 1)}` };
    };
    const [head, ...rest] = plan.members;
    const household: HouseholdMember[] = rest
      .filter((i) => !(plan.fault === 'hidden-spouse' && i === head + 1))
      .map((i) => ({ ...declare(i), relation: i === head + 1 ? 'spouse' : 'child' }));
    return {
      applicationId: plan.applicationId,
      projectId: 'an-dong-hp-2025',
      provinceCode: PROVINCE,
      tenure: 'sale',
      applicant: declare(head),
      household,
      category: 'worker',
      monthlyIncomeVnd: 7_000_000 + Math.floor(chance(j, SALT.income) * 80) * 100_000,
      housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
      submittedAt: '2025-06-02T08:15:00.000Z',
      receivedBy: 'board-31',
    };
  }

  /** Whether the check should flag the file, by the rules of cross-check.ts and check-problems.ts. */
  expectedMismatch(plan: PlannedApplication): boolean {
    if (plan.fault === 'unknown-id' || plan.fault === 'wrong-birth-date') return true;
    const [head] = plan.members;
    const spouse = plan.members.length > 1 ? head + 1 : null;
    const declared = plan.fault === 'hidden-spouse' ? plan.members.filter((i) => i !== spouse) : plan.members;
    if (declared.some((i) => this.person(i).status === 'deceased')) return true;
    // A deceased spouse is a widow(er)'s, and hides nothing; their housing then counts for no one.
    const hiddenAlive = plan.fault === 'hidden-spouse' && spouse !== null && this.person(spouse).status === 'alive';
    if (hiddenAlive) return true;
    return plan.ownerIn31 !== null && (plan.ownerIn31 === head || declared.includes(plan.ownerIn31));
  }

  /** Whether registry person `i` belongs to the household of some file (declared or hidden). */
  inApplication(i: number): boolean {
    const group = Math.floor(i / GROUP);
    if (group % this.stride !== 0) return false;
    const j = (group / this.stride) * HOUSEHOLD_START.length + kindAt(i % GROUP);
    return j < this.config.applications;
  }

  /** Groups of `size` stream appends, one ApplicationSubmitted each, in file order. */
  *appends(size: number): Generator<StreamAppend[], void, void> {
    for (let start = 0; start < this.config.applications; start += size) {
      const group: StreamAppend[] = [];
      for (let j = start; j < Math.min(start + size, this.config.applications); j += 1) {
        const data = this.submitted(this.application(j), j);
        group.push({ stream: `application-${data.applicationId}`, events: [{ type: 'ApplicationSubmitted', data }], expectedRevision: 'no_stream' });
      }
      yield group;
    }
  }

  applicationIds(): string[] {
    return Array.from({ length: this.config.applications }, (_, j) => this.application(j).applicationId);
  }

  *populationLines(): Generator<string, void, void> {
    yield POPULATION_HEADER.join(',');
    for (let i = 0; i < this.config.people; i += 1) {
      const p = this.person(i);
      yield [
        p.citizenId, p.fullName, p.dateOfBirth, p.gender, p.status, p.dateOfDeath, p.permanentProvince, p.temporaryProvince,
        p.householdId, p.relationToHead, p.spouseCitizenId,
      ].map(cell).join(',');
    }
  }

  /**
   * The planted certificates first (province 31 for some applicants and spouses, another province
   * for others), then filler certificates of random people: in province 31 only for people who
   * belong to no file, so no file is flagged by chance.
   */
  *landLines(): Generator<string, void, void> {
    yield LAND_HEADER.join(',');
    let written = 0;
    const row = (citizenId: string, province: string): string => {
      const n = written;
      written += 1;
      const parcel = `Thửa ${1 + (n % 900)}, tờ bản đồ ${1 + (n % 60)}`;
      const registered = `${2005 + (n % 19)}-${two(1 + (n % 12))}-${two(1 + (n % 28))}`;
      return [citizenId, province, parcel, `CS ${String(n).padStart(7, '0')}`, `${30 + (n % 90)}.5`, registered].map(cell).join(',');
    };
    for (let j = 0; j < this.config.applications; j += 1) {
      const plan = this.application(j);
      if (plan.ownerIn31 !== null) yield row(this.person(plan.ownerIn31).citizenId, PROVINCE);
      if (plan.ownerElsewhere !== null) yield row(this.person(plan.ownerElsewhere).citizenId, '30');
    }
    for (let k = 0; written < this.config.landCertificates; k += 1) {
      const i = Math.floor(chance(k, SALT.filler) * this.config.people);
      const here = !this.inApplication(i) && chance(k, SALT.fillerProvince) < 0.8;
      yield row(this.person(i).citizenId, here ? PROVINCE : pick(OTHER_PROVINCES, k, SALT.fillerProvince + 100));
    }
  }
}

/** Where person `i` sits in its household, and the two facts its citizen id encodes. */
function basics(i: number): { household: number; head: number; kind: number; role: 'head' | 'spouse' | 'child'; male: boolean; year: number } {
  const group = Math.floor(i / GROUP);
  const kind = kindAt(i % GROUP);
  const household = group * HOUSEHOLD_START.length + kind;
  const head = group * GROUP + HOUSEHOLD_START[kind];
  const member = i - head;
  const role = member === 0 ? 'head' : member === 1 && kind > 0 ? 'spouse' : 'child';
  const headMale = chance(household, SALT.gender) < 0.5;
  const male = role === 'head' ? headMale : role === 'spouse' ? !headMale : chance(i, SALT.gender) < 0.5;
  // Adults born 1965-2002, children 2003-2023.
  const year = role === 'child' ? 2003 + Math.floor(chance(i, SALT.year) * 21) : 1965 + Math.floor(chance(i, SALT.year) * 38);
  return { household, head, kind, role, male, year };
}

/**
 * CCCD: registration code, century/gender digit (0/1: 1900s male/female, 2/3: 2000s), two year
 * digits, then six digits that are a bijection of the index within its million: ids never collide.
 */
function citizenIdOf(i: number): string {
  const { male, year } = basics(i);
  const marker = (year >= 2000 ? 2 : 0) + (male ? 0 : 1);
  const serial = ((i % 1_000_000) * 738_197 + 271_829) % 1_000_000;
  return `${REGISTRATION_CODES[Math.floor(i / 1_000_000)]}${marker}${two(year % 100)}${String(serial).padStart(6, '0')}`;
}

function kindAt(offset: number): number {
  return offset < HOUSEHOLD_START[1] ? 0 : offset < HOUSEHOLD_START[2] ? 1 : offset < HOUSEHOLD_START[3] ? 2 : 3;
}

/** RFC 4180: quoted only when it has to be (parcels carry a comma). */
function cell(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Streams lines to a file in blocks of a few thousand, waiting whenever the stream's buffer is
 * full: memory stays flat for any number of rows. Returns the lines written (header included).
 */
export async function writeLines(file: string, lines: Iterable<string>): Promise<number> {
  const out = createWriteStream(file, { encoding: 'utf8' });
  let count = 0;
  let block: string[] = [];
  const flush = async (): Promise<void> => {
    if (block.length === 0) return;
    const text = `${block.join('\n')}\n`;
    block = [];
    if (!out.write(text)) await once(out, 'drain');
  };
  try {
    for (const line of lines) {
      block.push(line);
      count += 1;
      if (block.length >= 4096) await flush();
    }
    await flush();
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    throw error;
  }
  return count;
}

import type { HouseholdMember, HouseholdRelation, Person } from '../src/applications/domain/application.events';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Hữu', 'Ngọc', 'Đức', 'Thanh', 'Hoài', 'Xuân', 'Gia'];
const GIVEN = [
  'An', 'Lan', 'Đức', 'Hà', 'Cường', 'Hồng', 'Nghĩa', 'Ánh', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hải', 'Hiếu', 'Hùng', 'Khánh',
  'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trung', 'Tuấn', 'Vy',
];
const NAMES = FAMILY.length * MIDDLE.length * GIVEN.length;
const pad = (n: number): string => String(n).padStart(2, '0');
/**
 * The birth month-days people get: days 13–28 of every month, and each month's day of its own number.
 * None reads as another date with day and month swapped, which the identity detector reports as a
 * similar identity: with every day 1–28, a name born on 03-07 and the same name born on 07-03 in the
 * same year raised 175 findings nobody planted at 1M events.
 */
const MONTH_DAYS = Array.from({ length: 12 }, (_, m) => [m + 1, ...Array.from({ length: 16 }, (__, d) => d + 13)].map((d) => `${pad(m + 1)}-${pad(d)}`)).flat();
const IDENTITIES = NAMES * MONTH_DAYS.length;
/** Prime, so coprime with IDENTITIES (2^13·3^2·17): n ↦ n·SCRAMBLE mod IDENTITIES is a bijection that looks random. */
const SCRAMBLE = 1_000_003;

type Gender = 'male' | 'female';

/**
 * The people of the synthetic ledger. Every generated person gets a citizen id and a (normalised
 * name, month-day of birth) pair that nobody else gets, by construction rather than by chance, so
 * duplicate-applicant and identity-conflict findings come only from what the dataset plants.
 * (The old generator drew ids from 2 digits of the project number and names at random: ids
 * repeated every 300 projects, which raised most of its ~190,000 findings at 1M events.)
 */
export class PeopleFactory {
  private identities = 0;
  /** The 6 "random" digits of a citizen id, counted per 6-digit prefix (province, century/gender, year). */
  private readonly serials = new Map<string, number>();

  constructor(private readonly rnd: () => number) {}

  person(province: string, birthYear: number, gender: Gender): Person {
    const { fullName, monthDay } = this.identity();
    return { citizenId: this.citizenId(province, birthYear, gender), fullName, dateOfBirth: `${birthYear}-${monthDay}`, gender };
  }

  member(province: string, birthYear: number, gender: Gender, relation: HouseholdRelation): HouseholdMember {
    return { ...this.person(province, birthYear, gender), relation };
  }

  /** A new id for someone else's name, birth date and gender: one identity under two ids. */
  sameIdentityNewId(p: Person): Person {
    return { ...p, citizenId: this.nextId(p.citizenId.slice(0, 6)) };
  }

  /** A four-part name: generated names have three parts, so a planted one never meets another. */
  unusualName(): string {
    return `${this.identity().fullName} ${GIVEN[Math.floor(this.rnd() * GIVEN.length)]}`;
  }

  /** 12 digits (POLICY.md): 0 + 2-digit province, century/gender, 2-digit year, 6 digits unique in that prefix. */
  citizenId(province: string, birthYear: number, gender: Gender): string {
    const marker = Math.floor((birthYear - 1900) / 100) * 2 + (gender === 'female' ? 1 : 0);
    return this.nextId(`0${province}${marker}${String(birthYear % 100).padStart(2, '0')}`);
  }

  private nextId(prefix: string): string {
    const n = this.serials.get(prefix) ?? 0;
    if (n >= 1_000_000) throw new Error(`bench dataset: more than a million people born in ${prefix}`);
    this.serials.set(prefix, n + 1);
    return `${prefix}${String(n).padStart(6, '0')}`;
  }

  private identity(): { fullName: string; monthDay: string } {
    if (this.identities >= IDENTITIES) throw new Error(`bench dataset: more than ${IDENTITIES} people`);
    const s = (this.identities * SCRAMBLE) % IDENTITIES;
    this.identities += 1;
    const name = s % NAMES;
    const day = Math.floor(s / NAMES);
    const fullName = `${FAMILY[name % FAMILY.length]} ${MIDDLE[Math.floor(name / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(name / (FAMILY.length * MIDDLE.length))]}`;
    return { fullName, monthDay: MONTH_DAYS[day] };
  }
}

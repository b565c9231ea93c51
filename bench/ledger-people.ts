import type { HouseholdMember, HouseholdRelation, Person } from '../src/applications/domain/application.events';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Hữu', 'Ngọc', 'Đức', 'Thanh', 'Hoài', 'Xuân', 'Gia'];
const GIVEN = [
  'An', 'Lan', 'Đức', 'Hà', 'Cường', 'Hồng', 'Nghĩa', 'Ánh', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hải', 'Hiếu', 'Hùng', 'Khánh',
  'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trung', 'Tuấn', 'Vy',
];
const NAMES = FAMILY.length * MIDDLE.length * GIVEN.length;
const pad = (n: number): string => String(n).padStart(2, '0');
/** Months × days 1–28: every month has them. */
const MONTH_DAYS = Array.from({ length: 12 * 28 }, (_, i) => ({ month: 1 + (i % 12), day: 1 + Math.floor(i / 12) }));
const monthDayText = ({ month, day }: { month: number; day: number }): string => `${pad(month)}-${pad(day)}`;
/**
 * Birth month-days no swap of day and month turns into another date (days 13–28, and the month's own
 * number) take every name; a month-day that has a swapped twin (03-07 and 07-03) takes half the
 * names, its twin the other half. The identity detector reports the same name on a date and on
 * its swap in one year as a similar identity: drawn from every name, such pairs raised 175
 * findings nobody planted at 1M events; without those days, no birth date ever had a twin, and the
 * detector's look at the swapped date's block, which real dates need, never ran.
 */
const SOLO_DAYS = MONTH_DAYS.filter(({ month, day }) => day > 12 || day === month);
const TWIN_DAYS = MONTH_DAYS.filter(({ month, day }) => day <= 12 && day !== month);
const HALF_NAMES = NAMES / 2;
const IDENTITIES = NAMES * SOLO_DAYS.length + HALF_NAMES * TWIN_DAYS.length;
/** Prime, so coprime with IDENTITIES (2^12·3^4·5): n ↦ n·SCRAMBLE mod IDENTITIES is a bijection that looks random. */
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
    const solo = NAMES * SOLO_DAYS.length;
    let name: number;
    let monthDay: { month: number; day: number };
    if (s < solo) {
      name = s % NAMES;
      monthDay = SOLO_DAYS[Math.floor(s / NAMES)];
    } else {
      // Even names on the twin whose day comes before its month, odd ones on the other.
      monthDay = TWIN_DAYS[Math.floor((s - solo) / HALF_NAMES)];
      name = 2 * ((s - solo) % HALF_NAMES) + (monthDay.day < monthDay.month ? 0 : 1);
    }
    const fullName = `${FAMILY[name % FAMILY.length]} ${MIDDLE[Math.floor(name / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(name / (FAMILY.length * MIDDLE.length))]}`;
    return { fullName, monthDay: monthDayText(monthDay) };
  }
}

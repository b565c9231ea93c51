import { seeded } from '../src/demo/demo-random';
import { JsonObject } from '../src/shared/json';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Đức', 'Minh', 'Ngọc', 'Thu', 'Quang', 'Thanh', 'Xuân'];
const GIVEN = ['Hùng', 'Hương', 'Lan', 'Tuấn', 'Dũng', 'Hà', 'Thảo', 'Phương', 'Khánh', 'Long', 'Nam', 'Trang', 'Yến'];
const STREETS = ['Lạch Tray', 'Trần Nguyên Hãn', 'Tô Hiệu', 'Lê Lợi', 'Điện Biên Phủ', 'Nguyễn Văn Linh'];
const DISTRICTS = ['Ngô Quyền', 'Lê Chân', 'Hồng Bàng', 'Hải An', 'Kiến An'];
const RELATIONS = ['spouse', 'child', 'child', 'parent'];

/**
 * ApplicationSubmitted payloads shaped like the real event (about 850 bytes of JSON with
 * diacritics, which is what makes jsonb parsing and hashing cost what they cost in production).
 * Built once up front so generating them is not timed.
 */
export function applicationPayloads(count: number): JsonObject[] {
  // Seeded, so both sides of the comparison write byte-for-byte the same payloads in every run.
  const random = seeded(31);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const digits = (n: number): string => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const name = (): string => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const born = (from: number, span: number): string => {
    const year = from + Math.floor(random() * span);
    return `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  };
  // CCCD: province (031 = Hải Phòng), century/sex digit, two year digits, six random digits.
  const citizenId = (dateOfBirth: string): string =>
    `031${dateOfBirth < '2000' ? pick(['0', '1']) : pick(['2', '3'])}${dateOfBirth.slice(2, 4)}${digits(6)}`;
  // Birth years follow the relationship, so the household reads like a real family.
  const BORN: Record<string, [number, number]> = { self: [1980, 20], spouse: [1980, 20], child: [2005, 18], parent: [1950, 20] };
  const person = (relationship: string): JsonObject => {
    const dateOfBirth = born(...BORN[relationship]);
    return { fullName: name(), citizenId: citizenId(dateOfBirth), dateOfBirth, relationship };
  };
  return Array.from({ length: count }, (_, i): JsonObject => {
    const { relationship: _self, ...applicant } = person('self');
    return {
      applicationId: `HP-2025-${String(i).padStart(6, '0')}`,
      projectId: 'an-dong-hp-2025',
      applicant: {
        ...applicant,
        phone: `09${digits(8)}`,
        permanentAddress: `Số ${1 + Math.floor(random() * 200)} ${pick(STREETS)}, ${pick(DISTRICTS)}, Hải Phòng`,
      },
      // The applicant plus four: five members, the usual household on a social-housing form.
      household: Array.from({ length: 4 }, () => person(pick(RELATIONS))),
      monthlyIncomeVnd: 6_000_000 + Math.floor(random() * 90) * 100_000,
      housing: { status: pick(['renting', 'shared', 'below_10m2']), areaPerPersonM2: Math.round(random() * 90) / 10 },
      priorityGroup: pick(['low_income_urban', 'worker_industrial_zone', 'civil_servant', 'armed_forces']),
      submittedAt: '2025-06-02T08:15:00.000Z',
    };
  });
}

import type { NewEvent, StreamAppend } from '../src/event-store/event-store.port';
import type { JsonObject } from '../src/shared/json';

/** A small seeded PRNG (mulberry32): the same seed gives the same dataset on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PROVINCES = ['31', '56', '30', '58', '01', '79'];
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Vũ', 'Võ', 'Phan', 'Trương', 'Bùi', 'Đặng', 'Đỗ', 'Ngô', 'Hồ', 'Dương'];
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Hữu', 'Ngọc', 'Đức', 'Thanh', 'Hoài', 'Xuân', 'Gia'];
const GIVEN = [
  'An', 'Lan', 'Đức', 'Hà', 'Cường', 'Hồng', 'Nghĩa', 'Ánh', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hải', 'Hiếu', 'Hùng', 'Khánh',
  'Linh', 'Long', 'Mai', 'Nam', 'Ngân', 'Phúc', 'Phương', 'Quân', 'Quỳnh', 'Sơn', 'Tâm', 'Thảo', 'Trang', 'Trung', 'Tuấn', 'Vy',
];
/** Every stated date lies a few days before the (real) moment the bench records it: no backdating noise. */
const DAY_MS = 86_400_000;
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const UNITS_PER_PROJECT = 200;
const APPLICANTS_PER_PROJECT = 320;

/** 12 digits: province of birth registration, century/gender 1 (1900s, female), project and applicant numbers. */
const citizenIdOf = (project: number, applicant: number): string =>
  `0${PROVINCES[project % PROVINCES.length]}1${String(project).padStart(2, '0').slice(-2)}${String(applicant).padStart(6, '0')}`;

const event = (type: string, data: object): NewEvent => ({ type, data: data as JsonObject });
const append = (stream: string, events: NewEvent[]): StreamAppend => ({ stream, events, expectedRevision: 'any' });

/**
 * A realistic social-housing history, project by project: registration and release, applications
 * with households, decisions (a few against policy), ballots, allocations with their benefit
 * claims, handovers, some withdrawals and resales, and ~1% duplicate applicants across provinces.
 * Yields groups of stream appends, each written in one store call.
 */
export function* ledgerDataset(targetEvents: number, seed = 338): Generator<StreamAppend[], void, void> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const name = () => `${pick(FAMILY)} ${pick(MIDDLE)} ${pick(GIVEN)}`;
  const birthDate = (from: number, span: number) =>
    `${from + Math.floor(rnd() * span)}-${String(1 + Math.floor(rnd() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rnd() * 28)).padStart(2, '0')}`;
  let produced = 0;
  for (let p = 0; produced < targetEvents; p += 1) {
    const projectId = `p${p}`;
    const province = PROVINCES[p % PROVINCES.length];
    const group: StreamAppend[] = [];
    const units = Array.from({ length: UNITS_PER_PROJECT }, (_, u) => ({
      unitNo: `U${u}`, floorAreaM2: 30 + Math.floor(rnd() * 45), tenure: 'sale', priceVnd: 900_000_000 + Math.floor(rnd() * 600) * 1_000_000,
    }));
    group.push(append(`project-${projectId}`, [
      event('ProjectRegistered', { projectId, name: `Dự án NOXH ${p}`, provinceCode: province, investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 40_000, plannedUnits: 400, registeredAt: '2025-01-05T02:00:00Z' }),
      event('UnitsReleased', { projectId, units, releasedAt: '2025-02-01T02:00:00Z' }),
    ]));
    for (const unit of units) group.push(append(`unit-${projectId}.${unit.unitNo}`, [event('UnitReleased', { ...unit, projectId, releasedAt: '2025-02-01T02:00:00Z' })]));
    yield group;
    produced += 2 + units.length;

    let allocated = 0;
    for (let a = 0; a < APPLICANTS_PER_PROJECT && produced < targetEvents; a += 1) {
      const applicationId = `${projectId}-a${a}`;
      // ~1% are an applicant of the previous project, in another province: duplicate-applicant's work.
      const citizenId = rnd() < 0.01 && p > 0 ? citizenIdOf(p - 1, Math.floor(rnd() * APPLICANTS_PER_PROJECT)) : citizenIdOf(p, a);
      // The id says 1900s, female, born in '<project digits>': the declared birth year and gender agree with it.
      const applicant = { citizenId, fullName: name(), dateOfBirth: `19${citizenId.slice(4, 6)}${birthDate(2000, 1).slice(4)}`, gender: 'female' };
      const household = Array.from({ length: Math.floor(rnd() * 4) }, (_, m) => {
        const dateOfBirth = m === 0 ? birthDate(1970, 29) : birthDate(2008, 15);
        const year = Number(dateOfBirth.slice(0, 4));
        // Century/gender digit: 0 for a man born in the 1900s, 2 in the 2000s (POLICY.md "Citizen identity number").
        const marker = year >= 2000 ? '2' : '0';
        return {
          citizenId: `0${province}${marker}${dateOfBirth.slice(2, 4)}${String(500_000 + p * 1000 + a * 4 + m).slice(-6)}`,
          fullName: name(), dateOfBirth, gender: 'male', relation: m === 0 ? 'spouse' : 'child',
        };
      });
      const income = 8_000_000 + Math.floor(rnd() * 40) * 1_000_000;
      const events: NewEvent[] = [event('ApplicationSubmitted', {
        applicationId, projectId, provinceCode: province, applicant, tenure: 'sale', household, category: 'worker', monthlyIncomeVnd: income,
        housing: { ownsHome: false, floorAreaPerPersonM2: 0 }, submittedAt: daysAgo(25), receivedBy: 'Cán bộ tiếp nhận',
      })];
      const policyOutcome = income <= 25_000_000 ? 'eligible' : 'ineligible';
      const outcome = policyOutcome === 'eligible' || rnd() < 0.05 ? 'eligible' : 'ineligible';
      events.push(event('EligibilityDecided', {
        applicationId, outcome, decisionNo: `QĐ-${applicationId}`, decidedBy: 'Hội đồng xét duyệt', decidedAt: daysAgo(15), reasons: [],
        justification: outcome !== policyOutcome ? 'Hoàn cảnh đặc biệt khó khăn' : null, policyVersion: 'vn-decree-136-2026', policyOutcome, policyReasons: [],
      }));
      const appends: StreamAppend[] = [];
      if (outcome === 'eligible' && rnd() < 0.06) {
        events.push(event('ApplicationWithdrawn', { applicationId, reason: 'Rút hồ sơ', withdrawnAt: daysAgo(12) }));
      } else if (outcome === 'eligible') {
        events.push(event('PriorityRanked', { applicationId, projectId, method: 'ballot', rank: a + 1, rankedAt: '2026-06-01T02:00:00Z' }));
        if (allocated < UNITS_PER_PROJECT) {
          const unit = units[allocated];
          allocated += 1;
          const allocationId = `${projectId}.${unit.unitNo}.r1`;
          const unitEvents = [event('UnitAllocated', {
            allocationId, projectId, unitNo: unit.unitNo, applicationId, citizenId, eligibilityDecisionNo: `QĐ-${applicationId}`,
            decisionNo: `GN-${applicationId}`, decidedBy: 'Nguyễn Văn An', decidedAt: daysAgo(5), allocatedAt: `${daysAgo(5)}T02:00:00Z`,
          })];
          if (rnd() < 0.7) unitEvents.push(event('UnitHandedOver', { allocationId, projectId, unitNo: unit.unitNo, citizenId, handedOverAt: daysAgo(2), contractNo: `HĐ-${applicationId}`, fullyPaidAt: daysAgo(2) }));
          appends.push(append(`unit-${projectId}.${unit.unitNo}`, unitEvents));
          events.push(event('UnitAllocated', { applicationId, allocationId, projectId, unitNo: unit.unitNo, allocatedAt: `${daysAgo(5)}T02:00:00Z` }));
          appends.push(append(`person-${citizenId}`, [event('BenefitClaimed', { citizenId, claimId: allocationId, applicationId, projectId, unitNo: unit.unitNo, provinceCode: province, tenure: 'sale', claimedAt: `${daysAgo(5)}T02:00:00Z` })]));
        }
      }
      appends.unshift(append(`application-${applicationId}`, events));
      produced += appends.reduce((n, x) => n + x.events.length, 0);
      yield appends;
    }
  }
}

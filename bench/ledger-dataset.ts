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
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ'];
const GIVEN = ['Văn An', 'Thị Lan', 'Minh Đức', 'Thu Hà', 'Quốc Cường', 'Thị Hồng', 'Hữu Nghĩa', 'Ngọc Ánh'];
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
      const applicant = { citizenId, fullName: `${pick(FAMILY)} ${pick(GIVEN)}`, dateOfBirth: `19${70 + Math.floor(rnd() * 29)}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`, gender: 'female' };
      const household = Array.from({ length: Math.floor(rnd() * 4) }, (_, m) => ({
        citizenId: `${citizenId.slice(0, 6)}${String(900_000 + a * 4 + m).slice(-6)}`, fullName: `${pick(FAMILY)} ${pick(GIVEN)}`, dateOfBirth: '2012-05-01', gender: null, relation: m === 0 ? 'spouse' : 'child',
      }));
      const income = 8_000_000 + Math.floor(rnd() * 40) * 1_000_000;
      const events: NewEvent[] = [event('ApplicationSubmitted', {
        applicationId, projectId, provinceCode: province, applicant, tenure: 'sale', household, category: 'worker', monthlyIncomeVnd: income,
        housing: { ownsHome: false, floorAreaPerPersonM2: 0 }, submittedAt: '2026-03-02', receivedBy: 'Cán bộ tiếp nhận',
      })];
      const policyOutcome = income <= 25_000_000 ? 'eligible' : 'ineligible';
      const outcome = policyOutcome === 'eligible' || rnd() < 0.05 ? 'eligible' : 'ineligible';
      events.push(event('EligibilityDecided', {
        applicationId, outcome, decisionNo: `QĐ-${applicationId}`, decidedBy: 'Hội đồng xét duyệt', decidedAt: '2026-05-04', reasons: [],
        justification: outcome !== policyOutcome ? 'Hoàn cảnh đặc biệt khó khăn' : null, policyVersion: 'vn-decree-136-2026', policyOutcome, policyReasons: [],
      }));
      const appends: StreamAppend[] = [];
      if (outcome === 'eligible' && rnd() < 0.06) {
        events.push(event('ApplicationWithdrawn', { applicationId, reason: 'Rút hồ sơ', withdrawnAt: '2026-05-20' }));
      } else if (outcome === 'eligible') {
        events.push(event('PriorityRanked', { applicationId, projectId, method: 'ballot', rank: a + 1, rankedAt: '2026-06-01T02:00:00Z' }));
        if (allocated < UNITS_PER_PROJECT) {
          const unit = units[allocated];
          allocated += 1;
          const allocationId = `${projectId}.${unit.unitNo}.r1`;
          const unitEvents = [event('UnitAllocated', {
            allocationId, projectId, unitNo: unit.unitNo, applicationId, citizenId, eligibilityDecisionNo: `QĐ-${applicationId}`,
            decisionNo: `GN-${applicationId}`, decidedBy: 'Nguyễn Văn An', decidedAt: '2026-06-15', allocatedAt: '2026-06-15T02:00:00Z',
          })];
          if (rnd() < 0.7) unitEvents.push(event('UnitHandedOver', { allocationId, projectId, unitNo: unit.unitNo, citizenId, handedOverAt: '2026-07-01', contractNo: `HĐ-${applicationId}`, fullyPaidAt: '2026-07-01' }));
          appends.push(append(`unit-${projectId}.${unit.unitNo}`, unitEvents));
          events.push(event('UnitAllocated', { applicationId, allocationId, projectId, unitNo: unit.unitNo, allocatedAt: '2026-06-15T02:00:00Z' }));
          appends.push(append(`person-${citizenId}`, [event('BenefitClaimed', { citizenId, claimId: allocationId, applicationId, projectId, unitNo: unit.unitNo, provinceCode: province, tenure: 'sale', claimedAt: '2026-06-15T02:00:00Z' })]));
        }
      }
      appends.unshift(append(`application-${applicationId}`, events));
      produced += appends.reduce((n, x) => n + x.events.length, 0);
      yield appends;
    }
  }
}

import type { Tenure, UnitSpec } from '../../src/allocation/domain/unit.events';
import type { HouseholdMember, Person } from '../../src/applications/domain/application.events';
import type { Actor } from '../../src/shared/actor';
import { streams } from '../../src/shared/streams';
import type { Member, StatedDate } from './ledger-history.arbitrary';
import { declared, PEOPLE, PROJECTS, UNIT_NOS } from './ledger-history.pools';
import type { HistoryWrite, LedgerEvent, StreamWrite } from './ledger-history.types';

/** Ids no step ever registers: events that point at them refer to nothing. */
export const UNKNOWN_APPLICATION = 'a9';
export const UNKNOWN_PROJECT = 'p9';
export const UNKNOWN_LAND_FUND = 'cp9';
export const DAY = 24 * 3_600_000;
export const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface FileState {
  id: string;
  projectId: string;
  provinceCode: string;
  applicant: Person;
  household: HouseholdMember[];
  receivedBy: string;
  submittedAt: string;
  /** The decision number in force; an amendment voids it. */
  decisionNo: string | null;
  withdrawn: boolean;
  /** The allocation the file's own stream says is in force: its revocation is mirrored there. */
  allocationId: string | null;
  tenure: Tenure;
}
export interface UnitState {
  projectId: string;
  unitNo: string;
  spec: UnitSpec | null;
  allocations: number;
  /** Released after its project was registered: only then do the read models have a row for it. */
  listed: boolean;
  current: { allocationId: string; applicationId: string; citizenId: string } | null;
  handedOver: boolean;
  holder: string | null;
  /** The days of the last handover and of full payment: the resale restriction counts from them. */
  handedOverAt: string | null;
  fullyPaidAt: string | null;
}
export interface ClaimState { claimId: string; citizenId: string; projectId: string; unitNo: string; live: boolean }

/** The write side's view, as far as plausibility needs it: what exists, what is allocated, which claim ids were used. */
export class WriteSide {
  readonly projects = new Map<string, string>();
  readonly files = new Map<string, FileState>();
  readonly units = new Map<string, UnitState>();
  readonly claims: ClaimState[] = [];
  readonly landFunds = new Map<string, { required: number; handed: number }>();
  counter = 0;

  next(): number {
    return ++this.counter;
  }
  unit(index: number): UnitState {
    const projectId = PROJECTS[Math.floor(index / UNIT_NOS.length) % PROJECTS.length];
    const unitNo = UNIT_NOS[index % UNIT_NOS.length];
    const key = `${projectId}.${unitNo}`;
    let u = this.units.get(key);
    if (!u) this.units.set(key, (u = { projectId, unitNo, spec: null, allocations: 0, listed: false, current: null, handedOver: false, holder: null, handedOverAt: null, fullyPaidAt: null }));
    return u;
  }
  allUnits(): UnitState[] {
    return PROJECTS.flatMap((_, p) => UNIT_NOS.map((__, n) => this.unit(p * UNIT_NOS.length + n)));
  }
  /** A submitted file chosen by a selector; the top selector value names a file never submitted. */
  file(selector: number, open = false): FileState | 'unknown' | null {
    if (selector === 19) return 'unknown';
    const files = [...this.files.values()].filter((f) => !open || !f.withdrawn);
    return files.length === 0 ? null : files[selector % files.length];
  }
  provinceOf(projectId: string): string {
    return this.projects.get(projectId) ?? '31';
  }
}

export const day = (ms: number) => new Date(ms + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
export const board = (province: string): Actor => ({ subject: `board-${province}`, role: 'board', province });

/** A stated date as boards write them: the day, an instant, or one that will look backdated or late. */
export function stated(at: number, how: StatedDate, file: FileState | null): string {
  switch (how) {
    case 'same-day':
      return day(at);
    case 'instant':
      return new Date(at - 2 * 3_600_000).toISOString();
    case 'recorded-late':
      return day(at - 45 * DAY);
    case 'before-submission':
      return file ? day(Date.parse(file.submittedAt.slice(0, 10)) - 3 * DAY) : day(at - 400 * DAY);
    case 'lag-30':
      return day(at - 30 * DAY);
    case 'lag-31':
      return day(at - 31 * DAY);
    case 'on-submission':
      return file ? day(Date.parse(file.submittedAt)) : day(at);
  }
}

export function members(list: Member[], applicant: Person): HouseholdMember[] {
  const seen = new Set([applicant.citizenId]);
  const out: HouseholdMember[] = [];
  for (const m of list) {
    const p = declared(PEOPLE[m.person], m.variant);
    if (seen.has(p.citizenId)) continue; // the write side refuses a file that names one person twice
    seen.add(p.citizenId);
    out.push({ ...p, relation: m.relation });
  }
  return out;
}

/** One store call as a step writes it; the interpreter moves the clock first, to `recordedAtMs` when the step needs a particular instant. */
export type Write = Omit<HistoryWrite, 'advanceMs'> & { recordedAtMs?: number };

export const one = (stream: string, events: LedgerEvent[], actor: Actor): Write => ({ actor, appends: [{ stream, events }] });

/** The allocation handler's three appends: the unit, the file's mirror, the citizen's claim. */
export function allocation(
  s: WriteSide, u: UnitState, known: FileState | null, citesInForce: boolean, dated: StatedDate, at: number, unknownCitizen: number,
): Write {
  const applicationId = known?.id ?? UNKNOWN_APPLICATION;
  const citizenId = known?.applicant.citizenId ?? PEOPLE[unknownCitizen % PEOPLE.length].citizenId;
  const allocationId = `${u.projectId}.${u.unitNo}.r${++u.allocations}`; // also the claim id: never reused
  u.current = { allocationId, applicationId, citizenId };
  u.handedOver = false;
  if (known) known.allocationId = allocationId;
  s.claims.push({ claimId: allocationId, citizenId, projectId: u.projectId, unitNo: u.unitNo, live: true });
  const provinceCode = s.provinceOf(u.projectId);
  const decidedAt = stated(at, dated, known);
  const tenure: Tenure = u.spec?.tenure ?? 'sale';
  return {
    actor: board(provinceCode),
    appends: [
      { stream: streams.unit(u.projectId, u.unitNo), events: [{ type: 'UnitAllocated', data: { allocationId, projectId: u.projectId, unitNo: u.unitNo, applicationId, citizenId,
        eligibilityDecisionNo: citesInForce && known?.decisionNo ? known.decisionNo : 'QĐ-KHÁC-1', decisionNo: `QĐ-PB-${s.next()}`, decidedBy: 'Hội đồng xét duyệt',
        decidedAt, allocatedAt: day(at) } }] },
      { stream: streams.application(applicationId), events: [{ type: 'UnitAllocated', data: { applicationId, allocationId, projectId: u.projectId, unitNo: u.unitNo, allocatedAt: day(at) } }] },
      { stream: streams.person(citizenId), events: [{ type: 'BenefitClaimed', data: { citizenId, claimId: allocationId, applicationId, projectId: u.projectId, unitNo: u.unitNo,
        provinceCode, tenure, claimedAt: new Date(at).toISOString() } }] },
    ],
  };
}

/** The allocation handler's companion append: the holder's live claim on this unit ends with it. */
export function releaseClaim(s: WriteSide, citizenId: string, u: UnitState, reason: Extract<LedgerEvent, { type: 'BenefitReleased' }>['data']['reason'], at: number): StreamWrite[] {
  const claim = s.claims.find((c) => c.live && c.citizenId === citizenId && c.projectId === u.projectId && c.unitNo === u.unitNo);
  if (!claim) return [];
  claim.live = false;
  return [{ stream: streams.person(citizenId), events: [{ type: 'BenefitReleased', data: { citizenId, claimId: claim.claimId, reason, releasedAt: new Date(at).toISOString() } }] }];
}


import type { UnitSpec } from '../../src/allocation/domain/unit.events';
import type { Person } from '../../src/applications/domain/application.events';
import type { PersonCheck } from '../../src/population/domain/population-check.events';
import { streams } from '../../src/shared/streams';
import type { CheckOutcome, Intent, Step, TransferTiming } from './ledger-history.arbitrary';
import { APPLICATIONS, DECIDING_OFFICERS, declared, LAND_FUNDS, PEOPLE, PROJECTS, PROVINCES, RECEIVING_OFFICERS, UNIT_NOS } from './ledger-history.pools';
import { stepsOf } from './ledger-history.scenarios';
import { HISTORY_START_MS, type History, type LedgerEvent, type StreamWrite } from './ledger-history.types';
import {
  allocation, board, DAY, day, type FileState, members, one, releaseClaim, stated, UNKNOWN_APPLICATION, UNKNOWN_LAND_FUND, UNKNOWN_PROJECT, type UnitState, VIETNAM_OFFSET_MS, type Write, WriteSide,
} from './ledger-history.write-side';

function personCheck(person: Person, role: PersonCheck['role'], outcome: CheckOutcome, spouse: string): PersonCheck {
  const clean: PersonCheck = {
    citizenId: person.citizenId, role, identity: 'match', identityReasons: [], alive: true, residenceProvince: '31', household: 'consistent',
    undeclaredSpouseCitizenId: null, ownsHousingInProvince: false, housingCertificates: [], undeclaredSpouseOwnsHousingInProvince: null,
  };
  switch (outcome) {
    case 'clean': return clean;
    case 'unknown': return { ...clean, identity: 'unknown', identityReasons: ['not in registry'], alive: null, residenceProvince: null, household: 'unknown', ownsHousingInProvince: null };
    case 'name-mismatch': return { ...clean, identity: 'name-mismatch', identityReasons: ['registry name differs'] };
    case 'deceased': return { ...clean, alive: false };
    case 'undeclared-spouse': return { ...clean, household: 'undeclared-spouse', undeclaredSpouseCitizenId: spouse, undeclaredSpouseOwnsHousingInProvince: false };
    case 'household-differs': return { ...clean, household: 'household-differs' };
    case 'owns-housing': return { ...clean, ownsHousingInProvince: true, housingCertificates: ['GCN-0001'] };
    case 'spouse-owns': return { ...clean, household: 'undeclared-spouse', undeclaredSpouseCitizenId: spouse, undeclaredSpouseOwnsHousingInProvince: true };
  }
}

/** What one step writes, or null when the write side would never write it (or the oracle cannot take it). */
function writeOf(s: WriteSide, intent: Intent, at: number): Write | null {
  switch (intent.kind) {
    case 'register-project': {
      const projectId = PROJECTS[intent.project];
      if (s.projects.has(projectId)) return null; // a second registration would be a primary-key clash
      const provinceCode = PROVINCES[intent.province];
      s.projects.set(projectId, provinceCode);
      return one(streams.project(projectId), [{ type: 'ProjectRegistered', data: { projectId, name: `NOXH ${projectId}`, provinceCode, investor: 'Công ty CP Xây dựng A',
        kind: 'new', landAreaM2: 10_000, plannedUnits: intent.plannedUnits, registeredAt: day(at) } }], board(provinceCode));
    }
    case 'release-units': {
      const projectId = PROJECTS[intent.project];
      const fresh = intent.units.map((n) => s.unit(intent.project * UNIT_NOS.length + n)).filter((u) => u.spec === null);
      if (fresh.length === 0) return null; // a unit is released once
      const specs: UnitSpec[] = fresh.map((u, i) => ({ unitNo: u.unitNo, floorAreaM2: intent.floorAreas[i], tenure: intent.tenure, priceVnd: intent.priceVnd }));
      fresh.forEach((u, i) => {
        u.spec = specs[i];
        u.listed = s.projects.has(projectId);
      });
      const releasedAt = day(at);
      return {
        actor: board(s.provinceOf(projectId)),
        appends: [
          { stream: streams.project(projectId), events: [{ type: 'UnitsReleased', data: { projectId, units: specs, releasedAt } }] },
          ...specs.map((spec): StreamWrite => ({ stream: streams.unit(projectId, spec.unitNo), events: [{ type: 'UnitReleased', data: { ...spec, projectId, releasedAt } }] })),
        ],
      };
    }
    case 'submit': {
      const applicationId = APPLICATIONS[intent.app];
      if (s.files.has(applicationId)) return null; // a second submission would be a primary-key clash
      const applicant = declared(PEOPLE[intent.applicant], intent.variant);
      const file: FileState = {
        id: applicationId, projectId: PROJECTS[intent.project] ?? UNKNOWN_PROJECT, provinceCode: PROVINCES[intent.province], applicant,
        household: members(intent.household, applicant), receivedBy: RECEIVING_OFFICERS[intent.receivedBy],
        submittedAt: intent.dated === 'instant' ? new Date(at).toISOString() : day(at), decisionNo: null, withdrawn: false, allocationId: null,
        tenure: intent.tenure,
      };
      s.files.set(applicationId, file);
      return one(streams.application(applicationId), [{ type: 'ApplicationSubmitted', data: { applicationId, projectId: file.projectId, provinceCode: file.provinceCode,
        applicant, tenure: intent.tenure, household: file.household, category: 'worker', monthlyIncomeVnd: intent.incomeVnd,
        housing: { ownsHome: false, floorAreaPerPersonM2: 8 }, submittedAt: file.submittedAt, receivedBy: file.receivedBy,
        ...(intent.historical && { migratedFrom: 'Sổ đăng ký NOXH giấy 2024' }) } }], board(file.provinceCode));
    }
    case 'amend': {
      const file = s.file(intent.app % 19, true); // never the unknown file: the oracle cannot amend what was never submitted
      if (file === null || file === 'unknown') return null;
      const changes: Extract<LedgerEvent, { type: 'ApplicationAmended' }>['data']['changes'] = {};
      if (intent.household) changes.household = file.household = members(intent.household, file.applicant);
      if (intent.tenure) changes.tenure = file.tenure = intent.tenure;
      if (intent.incomeVnd !== null || Object.keys(changes).length === 0) changes.monthlyIncomeVnd = intent.incomeVnd ?? 10_000_000;
      file.decisionNo = null;
      return one(streams.application(file.id), [{ type: 'ApplicationAmended', data: { applicationId: file.id, changes, reason: intent.household ? 'Bổ sung hộ gia đình' : null,
        amendedAt: day(at) } }], board(file.provinceCode));
    }
    case 'withdraw': {
      const open = s.file(intent.app, true);
      const file = intent.app === APPLICATIONS.length || open === 'unknown' ? null : open;
      if (file === null && intent.app !== APPLICATIONS.length) return null;
      const applicationId = file?.id ?? UNKNOWN_APPLICATION;
      if (file) file.withdrawn = true;
      return one(streams.application(applicationId), [{ type: 'ApplicationWithdrawn', data: { applicationId, reason: 'Rút hồ sơ', withdrawnAt: day(at) } }], board(file?.provinceCode ?? '31'));
    }
    case 'decide': {
      const file = s.file(intent.app);
      if (file === null) return null;
      const known = file === 'unknown' ? null : file;
      const applicationId = known?.id ?? UNKNOWN_APPLICATION;
      const decisionNo = `QĐ-${s.next()}`;
      const member = known?.household[0];
      const decidedBy = intent.decidedBy === 'receiver' && known ? known.receivedBy
        : intent.decidedBy === 'member' && member ? `${declared(member, 1).fullName}, Chuyên viên` : DECIDING_OFFICERS[intent.officer];
      if (known) known.decisionNo = decisionNo;
      const override = intent.outcome === 'eligible' && intent.policyOutcome === 'ineligible';
      return one(streams.application(applicationId), [{ type: 'EligibilityDecided', data: { applicationId, outcome: intent.outcome, decisionNo, decidedBy,
        decidedAt: stated(at, intent.dated, known), reasons: intent.outcome === 'ineligible' ? ['income-above-ceiling'] : [],
        // A blank justification is none: on an override, the detector must say the board recorded none.
        justification: intent.justification === 'given' && override ? 'Hoàn cảnh đặc biệt khó khăn' : intent.justification === 'none' ? null : '  ', policyVersion: 'vn-decree-100-2024',
        policyOutcome: intent.policyOutcome, policyReasons: intent.policyOutcome === 'ineligible' ? ['income-above-ceiling'] : [] } }], board(known?.provinceCode ?? '31'));
    }
    case 'rank': {
      const file = s.file(intent.app);
      if (file === null) return null;
      const applicationId = file === 'unknown' ? UNKNOWN_APPLICATION : file.id;
      const projectId = file === 'unknown' ? PROJECTS[0] : file.projectId;
      return one(streams.application(applicationId), [{ type: 'PriorityRanked', data: { applicationId, projectId, method: intent.method, rank: intent.rank, rankedAt: day(at) } }],
        board(s.provinceOf(projectId)));
    }
    case 'check': {
      const file = s.file(intent.app);
      if (file === null) return null;
      const known = file === 'unknown' ? null : file;
      const people: [Person, PersonCheck['role']][] = known ? [[known.applicant, 'applicant'], ...known.household.map((m): [Person, PersonCheck['role']] => [m, m.relation])]
        : [[PEOPLE[intent.spouse], 'applicant']];
      const spouse = PEOPLE[intent.spouse].citizenId;
      const provinceCode = known?.provinceCode ?? '31';
      return one(streams.application(known?.id ?? UNKNOWN_APPLICATION), [{ type: 'PopulationCheckRecorded', data: { applicationId: known?.id ?? UNKNOWN_APPLICATION, provinceCode,
        checkedAt: new Date(at).toISOString(), sources: { population: { kind: 'extract', snapshot: 'dan-cu-2025-01' }, land: { kind: 'extract', snapshot: 'dat-dai-2025-01' } },
        persons: people.map(([p, role], i) => personCheck(p, role, intent.outcomes[i % intent.outcomes.length], spouse)) } }], { subject: `police-${provinceCode}`, role: 'police', province: provinceCode });
    }
    case 'allocate': {
      const free = s.allUnits().filter((u) => u.current === null && (intent.unreleased ? u.spec === null : u.spec !== null));
      const file = s.file(intent.app);
      if (free.length === 0 || file === null) return null; // the unit stream refuses a second live allocation
      return allocation(s, free[intent.unit % free.length], file === 'unknown' ? null : file, intent.citesInForce, intent.dated, at, intent.unit);
    }
    case 'allocate-in-project': {
      // A unit the read models list (released after its project was registered), then one of the
      // files queueing for it: decided, neither withdrawn nor holding an allocation.
      const free = s.allUnits().filter((u) => u.current === null && u.spec !== null && u.listed);
      if (free.length === 0) return null;
      const u = free[intent.unit % free.length];
      const files = [...s.files.values()].filter((f) => f.projectId === u.projectId && f.tenure === u.spec?.tenure && !f.withdrawn
        && f.allocationId === null && f.decisionNo !== null);
      if (files.length === 0) return null;
      return allocation(s, u, files[intent.app % files.length], true, intent.dated, at, intent.unit);
    }
    case 'revoke': {
      const allocated = s.allUnits().filter((u) => u.current !== null && !u.handedOver);
      if (allocated.length === 0) return null;
      const u = allocated[intent.unit % allocated.length];
      const current = u.current;
      if (current === null) return null;
      u.current = null;
      // The handler mirrors the revocation on the file when the file holds that allocation (a history
      // that allocated one file twice, or a file never submitted, has nothing to mirror it on).
      const file = s.files.get(current.applicationId);
      const mirrored = file !== undefined && file.allocationId === current.allocationId;
      if (mirrored) file.allocationId = null;
      const revokedAt = day(at);
      return {
        actor: board(s.provinceOf(u.projectId)),
        appends: [
          { stream: streams.unit(u.projectId, u.unitNo), events: [{ type: 'AllocationRevoked', data: { ...current, projectId: u.projectId, unitNo: u.unitNo,
            reason: 'Cấp sai đối tượng', decisionNo: `QĐ-THU-${s.next()}`, revokedAt } }] },
          ...(mirrored ? [{ stream: streams.application(current.applicationId), events: [{ type: 'AllocationRevoked' as const, data: { applicationId: current.applicationId,
            allocationId: current.allocationId, projectId: u.projectId, unitNo: u.unitNo, revokedAt } }] }] : []),
          ...releaseClaim(s, current.citizenId, u, 'allocation-revoked', at),
        ],
      };
    }
    case 'hand-over': {
      const allocated = s.allUnits().filter((u) => u.current !== null && !u.handedOver);
      if (allocated.length === 0) return null;
      const u = allocated[intent.unit % allocated.length];
      if (u.current === null) return null;
      const { allocationId, citizenId } = u.current;
      u.handedOver = true;
      u.holder = citizenId;
      u.handedOverAt = day(at);
      // Paid in full at handover, or months before it (the restriction then starts earlier than handover).
      u.fullyPaidAt = intent.fullyPaid === 'no' ? null : day(intent.fullyPaid === 'at-handover' ? at : at - 200 * DAY);
      return one(streams.unit(u.projectId, u.unitNo), [{ type: 'UnitHandedOver', data: { allocationId, projectId: u.projectId, unitNo: u.unitNo, citizenId,
        handedOverAt: u.handedOverAt, contractNo: `HĐ-${s.next()}`, fullyPaidAt: u.fullyPaidAt } }], board(s.provinceOf(u.projectId)));
    }
    case 'transfer': {
      const held = s.allUnits().filter((u) => u.handedOver);
      if (held.length === 0) return null;
      const u = held[intent.unit % held.length];
      const when = transferInstant(u, intent.timing, at);
      const from = u.holder;
      const returned = intent.transfer === 'return-to-investor' || intent.transfer === 'return-to-state';
      const to = returned ? null : PEOPLE[intent.buyer].citizenId;
      const original = u.spec?.priceVnd ?? 1_000_000_000;
      const priceVnd = intent.transfer === 'resale' || intent.transfer === 'return-to-investor' ? original + { above: 150_000_000, original: 0, below: -50_000_000 }[intent.price] : null;
      const seller = from;
      if (returned) Object.assign(u, { current: null, handedOver: false, holder: null, handedOverAt: null, fullyPaidAt: null });
      else u.holder = to;
      return {
        recordedAtMs: when,
        actor: board(s.provinceOf(u.projectId)),
        appends: [
          { stream: streams.unit(u.projectId, u.unitNo), events: [{ type: 'UnitTransferred', data: { projectId: u.projectId, unitNo: u.unitNo, kind: intent.transfer,
            fromCitizenId: from, toCitizenId: to, priceVnd, transferredAt: day(when) } }] },
          ...(seller ? releaseClaim(s, seller, u, intent.transfer, when) : []),
        ],
      };
    }
    case 'link-household': {
      const file = s.file(intent.app % 19, true);
      const live = s.claims.filter((c) => c.live);
      if (file === null || file === 'unknown' || live.length === 0) return null;
      const holder = PEOPLE.find((p) => p.citizenId === live[intent.claim % live.length].citizenId);
      if (!holder || holder.citizenId === file.applicant.citizenId || file.household.some((m) => m.citizenId === holder.citizenId)) return null;
      file.household = [...file.household, { ...holder, relation: intent.relation }];
      file.decisionNo = null;
      return one(streams.application(file.id), [{ type: 'ApplicationAmended', data: { applicationId: file.id, changes: { household: file.household },
        reason: 'Bổ sung hộ gia đình', amendedAt: day(at) } }], board(file.provinceCode));
    }
    case 'queue':
      throw new Error('a queue is a scenario of several steps: see queueSteps');
    case 'claim': {
      const citizenId = PEOPLE[intent.person].citizenId;
      const claimId = `claim-${s.next()}`;
      const projectId = PROJECTS[intent.project];
      const unitNo = UNIT_NOS[intent.unit];
      s.claims.push({ claimId, citizenId, projectId, unitNo, live: true });
      const own = [...s.files.values()].find((f) => f.applicant.citizenId === citizenId);
      return one(streams.person(citizenId), [{ type: 'BenefitClaimed', data: { citizenId, claimId, applicationId: own?.id ?? UNKNOWN_APPLICATION, projectId, unitNo,
        provinceCode: PROVINCES[intent.province], tenure: 'rent', claimedAt: new Date(at).toISOString() } }], board(PROVINCES[intent.province]));
    }
    case 'release-claim': {
      const live = s.claims.filter((c) => c.live);
      if (live.length === 0) return null;
      const c = live[intent.claim % live.length];
      c.live = false;
      return one(streams.person(c.citizenId), [{ type: 'BenefitReleased', data: { citizenId: c.citizenId, claimId: c.claimId, reason: 'allocation-revoked',
        releasedAt: new Date(at).toISOString() } }], board('31'));
    }
    case 'land-fund-register': {
      const commercialProjectId = LAND_FUNDS[intent.fund];
      if (s.landFunds.has(commercialProjectId)) return null; // a second registration would be a primary-key clash
      const residentialLandAreaM2 = intent.fund === 0 ? 50_000 : 12_345;
      const requiredAreaM2 = Math.round(residentialLandAreaM2 * 0.2);
      s.landFunds.set(commercialProjectId, { required: requiredAreaM2, handed: 0 });
      const provinceCode = PROVINCES[intent.province];
      return one(streams.landFund(commercialProjectId), [{ type: 'LandFundObligationRegistered', data: { commercialProjectId, name: `KĐT ${commercialProjectId}`, provinceCode,
        residentialLandAreaM2, requiredShare: 0.2, requiredAreaM2, dueDate: day(at + intent.dueInDays * DAY), registeredAt: day(at) } }], board(provinceCode));
    }
    case 'land-fund-hand-over': {
      const commercialProjectId = LAND_FUNDS[intent.fund] ?? UNKNOWN_LAND_FUND;
      const fund = s.landFunds.get(commercialProjectId);
      const areaM2 = Math.max(1, Math.round(((fund?.required ?? 1_000) * intent.percentOfRequired) / 100));
      if (fund) fund.handed += areaM2;
      return one(streams.landFund(commercialProjectId), [{ type: 'LandFundHandedOver', data: { commercialProjectId, form: 'land', areaM2,
        parcel: intent.percentOfRequired === 100 ? null : `Thửa ${s.next()}`, handedOverAt: day(at) } }], board('31'));
    }
    case 'land-fund-pay': {
      const commercialProjectId = LAND_FUNDS[intent.fund] ?? UNKNOWN_LAND_FUND;
      const fund = s.landFunds.get(commercialProjectId);
      return one(streams.landFund(commercialProjectId), [{ type: 'LandFundPaidInLieu', data: { commercialProjectId, amountVnd: 5_000_000_000,
        dischargedAreaM2: fund ? Math.max(0, fund.required - fund.handed) : 0, paidAt: day(at) } }], board('31'));
    }
    case 'programme-target': {
      const provinceCode = PROVINCES[intent.province];
      return one(streams.programme(provinceCode), [{ type: 'ProgrammeTargetSet', data: { provinceCode, period: intent.period, units: intent.units, setAt: day(at) } }], board(provinceCode));
    }
    case 'project-target': {
      const projectId = PROJECTS[intent.project];
      return one(streams.project(projectId), [{ type: 'ProjectTargetSet', data: { projectId, period: intent.period, units: intent.units, setAt: day(at) } }], board(s.provinceOf(projectId)));
    }
    case 'refused': {
      const u = s.unit(intent.unit);
      const applicationId = APPLICATIONS[intent.app];
      return one(streams.allocationAttempts(u.projectId), [{ type: 'AllocationRefused', data: { projectId: u.projectId, unitNo: u.unitNo, applicationId,
        citizenId: s.files.get(applicationId)?.applicant.citizenId ?? null, code: 'unit-not-available', reason: 'Căn hộ đã được phân bổ', attemptedAt: new Date(at).toISOString() } }],
        board(s.provinceOf(u.projectId)));
    }
    case 'finding-reviewed': {
      const findingId = 'duplicate-applicant-0123456789abcdef0123';
      return one(`finding-${findingId}`, [{ type: 'FindingReviewed', data: { findingId, verdict: intent.verdict, note: 'Đã xác minh', reviewedBy: 'inspector-1',
        reviewedAt: new Date(at).toISOString() } }], { subject: 'inspector-1', role: 'inspector' });
    }
    case 'unforeseen':
      return one('sandbox-1', [{ type: 'SomethingUnforeseen', data: { projectId: PROJECTS[intent.project], applicationId: APPLICATIONS[intent.app],
        citizenId: PEOPLE[intent.person].citizenId, note: 'not a ledger event' } }], { subject: 'admin', role: 'admin' });
  }
}

/** The resale restriction's last day or first free day, at 10:00 in Vietnam, when still ahead: 5 years from full payment or handover, 10 from handover for rental stock. */
function transferInstant(u: UnitState, timing: TransferTiming, at: number): number {
  const rent = u.spec?.tenure === 'rent';
  const start = rent ? u.handedOverAt : u.fullyPaidAt ?? u.handedOverAt;
  if (timing === 'now' || start === null) return at;
  const [y, m, d] = start.split('-').map(Number);
  const year = y + (rent ? 10 : 5);
  // 29 February falls back to the 28th in a common year, as the detector counts it.
  const anniversary = Date.UTC(year, m - 1, Math.min(d, new Date(Date.UTC(year, m, 0)).getUTCDate()), 10) - VIETNAM_OFFSET_MS;
  return Math.max(at, timing === 'anniversary' ? anniversary : anniversary - DAY);
}

/**
 * Folds the steps over a model of the write side into store calls. Steps the write side would
 * refuse, or that the oracle cannot take (a second submission, release, registration or claim id;
 * an amendment of a file never submitted), are dropped, with their clock advance.
 */
export function interpret(steps: readonly Step[]): History {
  const s = new WriteSide();
  const history: History = [];
  let now = HISTORY_START_MS;
  for (const step of steps) {
    let at = now + step.advanceMs;
    for (const intent of stepsOf(s, step.intent)) {
      const write = writeOf(s, intent, at);
      if (write === null) continue;
      const { recordedAtMs = at, ...stored } = write;
      history.push({ advanceMs: recordedAtMs - now, ...stored });
      // A scenario's later steps follow at the same instant.
      now = at = recordedAtMs;
    }
  }
  return history;
}

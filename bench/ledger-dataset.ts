import type { UnitSpec } from '../src/allocation/domain/unit.events';
import type { HouseholdMember, Person } from '../src/applications/domain/application.events';
import type { StreamAppend } from '../src/event-store/event-store.port';
import type { PersonCheck } from '../src/population/domain/population-check.events';
import { streams } from '../src/shared/streams';
import { append, type DatasetEvent } from './ledger-events';
import { PeopleFactory } from './ledger-people';
import { seeded } from '../src/demo/demo-random';
import { FILE_PLANTS, noPlants, type PlantKind, type PlantRates, type PlantedTruth } from './ledger-plants';

/** One store call. A barrier is written alone, after every earlier group and before any later one. */
export interface DatasetGroup {
  appends: StreamAppend[];
  events: number;
  barrier: boolean;
}

const PROVINCES = ['31', '56', '30', '58', '01', '79'];
const DAY_MS = 86_400_000;
/** Stated dates lie a few days before the moment the bench records them: no backdating noise unless planted. */
const daysAgo = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const UNITS_PER_PROJECT = 200;
const APPLICANTS_PER_PROJECT = 320;
const INCOME_CEILING = 25_000_000; // Decree 136/2026, single (POLICY.md)
const BOARD = 'Hội đồng xét duyệt';
const RECEIVER = 'Cán bộ tiếp nhận';
/** Four parts: no generated person bears it, so only the planted conflict of interest names it. */
const OFFICER = 'Trịnh Công Minh Sơn';
const POOL_CAP = 2_000;

/** One file's plan: what it is, and whether it ends allocated (only if a unit is left). */
interface File {
  applicationId: string;
  applicant: Person;
  household: HouseholdMember[];
  plant: PlantKind | null;
  eligible: boolean;
  withdrawn: boolean;
}

/**
 * A realistic social-housing history, project by project: registration and release (a barrier:
 * allocations must find their units), a land-fund obligation of a commercial project, then files
 * with households, police checks, decisions, ballots, allocations with their benefit claims,
 * handovers, withdrawals and a few lawful resales. Abuse is planted at the rates given
 * (ledger-plants.ts) and counted in `truth`. Appends follow the write side's order: a file's own
 * events, then the unit, the file's mirror and the person's claim (allocate-unit.handler.ts).
 * `groups()` may be called again: it continues the same history (the bench's live writers).
 */
export class LedgerDataset {
  readonly truth: PlantedTruth = noPlants();
  private readonly rnd: () => number;
  private readonly people: PeopleFactory;
  private project = 0;
  /** People of earlier projects (all committed once a project's barrier is written) that plants reuse. */
  private readonly pastApplicants: Person[] = [];
  private readonly pastSpouses: HouseholdMember[] = [];
  private readonly pastChildren: HouseholdMember[] = [];
  private readonly eligibleBuyers: string[] = [];
  private readonly next = { applicants: [] as Person[], spouses: [] as HouseholdMember[], children: [] as HouseholdMember[], buyers: [] as string[] };

  constructor(private readonly rates: PlantRates, seed = 338) {
    this.rnd = seeded(seed);
    this.people = new PeopleFactory(this.rnd);
  }

  *groups(targetEvents: number): Generator<DatasetGroup, void, void> {
    let produced = 0;
    while (produced < targetEvents) {
      for (const group of this.projectGroups()) {
        produced += group.events;
        yield group;
        if (produced >= targetEvents) return;
      }
    }
  }

  private *projectGroups(): Generator<DatasetGroup, void, void> {
    const p = this.project++;
    const projectId = `p${p}`;
    const province = PROVINCES[p % PROVINCES.length];
    const units: UnitSpec[] = Array.from({ length: UNITS_PER_PROJECT }, (_, u) => ({
      // 30–69 m²: inside Decree 100's 25–70 m², so no project exceeds the 10% share of large units by chance.
      unitNo: `U${u}`, floorAreaM2: 30 + Math.floor(this.rnd() * 40), tenure: 'sale', priceVnd: 900_000_000 + Math.floor(this.rnd() * 600) * 1_000_000,
    }));
    if (this.roll('oversizedUnit')) {
      units[UNITS_PER_PROJECT - 1].floorAreaM2 = 80;
      this.truth.oversizedUnit += 1;
    }
    const release: StreamAppend[] = [
      append(streams.project(projectId), [
        { type: 'ProjectRegistered', data: { projectId, name: `Dự án NOXH ${p}`, provinceCode: province, investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 40_000, plannedUnits: UNITS_PER_PROJECT, registeredAt: '2025-01-05T02:00:00Z' } },
        { type: 'UnitsReleased', data: { projectId, units, releasedAt: '2025-02-01T02:00:00Z' } },
      ]),
      ...units.map((unit) => append(streams.unit(projectId, unit.unitNo), [{ type: 'UnitReleased', data: { ...unit, projectId, releasedAt: '2025-02-01T02:00:00Z' } }])),
      this.landFund(`c${p}`, province),
    ];
    yield group(release, true);

    let allocated = 0;
    for (let a = 0; a < APPLICANTS_PER_PROJECT; a += 1) {
      const file = this.file(`${projectId}-a${a}`, province, this.pickPlant());
      if (file.plant === 'queueJump' && a + 1 < APPLICANTS_PER_PROJECT && allocated < UNITS_PER_PROJECT) {
        // The next file (worse-ranked) is given a unit while this one, ranked and eligible, waits. The
        // finding closes once the skipped file is served, so it is left waiting, and the project hands
        // out no unit after this one (each would jump the same file again).
        a += 1;
        const jumper = this.file(`${projectId}-a${a}`, province, null, true);
        const appends = [
          append(streams.application(file.applicationId), this.fileEvents(file, a)),
          ...this.fileAppends(jumper, a + 1, projectId, province, units[allocated]),
        ];
        allocated = UNITS_PER_PROJECT;
        this.truth.queueJump += 1;
        yield group(appends, false);
        continue;
      }
      if (file.plant === 'queueJump') file.plant = null;
      const served = file.eligible && !file.withdrawn && allocated < UNITS_PER_PROJECT;
      const unit = served ? units[allocated++] : null;
      yield group(this.fileAppends(file, a + 1, projectId, province, unit), false);
    }
    this.pastApplicants.push(...this.next.applicants);
    this.pastSpouses.push(...this.next.spouses);
    this.pastChildren.push(...this.next.children);
    this.eligibleBuyers.push(...this.next.buyers);
    for (const pool of [this.pastApplicants, this.pastSpouses, this.pastChildren, this.eligibleBuyers]) pool.splice(0, Math.max(0, pool.length - POOL_CAP));
    this.next.applicants = [];
    this.next.spouses = [];
    this.next.children = [];
    this.next.buyers = [];
  }

  private roll(kind: PlantKind): boolean {
    return this.rnd() < this.rates[kind];
  }

  private pickPlant(): PlantKind | null {
    let r = this.rnd();
    for (const kind of FILE_PLANTS) {
      if (r < this.rates[kind]) return kind;
      r -= this.rates[kind];
    }
    return null;
  }

  /** Decides who files and what the file says; a plant whose material (an earlier person) is missing becomes a clean file. */
  private file(applicationId: string, province: string, wanted: PlantKind | null, forceEligible = false): File {
    let plant = wanted;
    const take = <T>(pool: T[]): T | undefined => (pool.length > 0 ? pool.splice(Math.floor(this.rnd() * pool.length), 1)[0] : undefined);
    const gender = this.rnd() < 0.5 ? 'female' : 'male';
    let applicant: Person | undefined;
    if (plant === 'duplicateApplicant') applicant = take(this.pastApplicants);
    else if (plant === 'sameIdentity') {
      const earlier = take(this.pastApplicants);
      applicant = earlier ? this.people.sameIdentityNewId(earlier) : undefined;
    } else if (plant === 'householdDoubleBenefit') {
      const spouse = take(this.pastSpouses);
      applicant = spouse ? { citizenId: spouse.citizenId, fullName: spouse.fullName, dateOfBirth: spouse.dateOfBirth, gender: spouse.gender } : undefined;
    }
    if (!applicant && (plant === 'duplicateApplicant' || plant === 'sameIdentity' || plant === 'householdDoubleBenefit')) plant = null;
    applicant ??= this.people.person(province, 1965 + Math.floor(this.rnd() * 35), gender);
    if (plant === 'idDigits') applicant = { ...applicant, dateOfBirth: `${Number(applicant.dateOfBirth.slice(0, 4)) + 1}${applicant.dateOfBirth.slice(4)}` };

    const household: HouseholdMember[] = [];
    // A spouse who files on their own declares nobody: the hidden link is the abuse.
    if (plant !== 'householdDoubleBenefit') {
      const size = Math.floor(this.rnd() * 4);
      for (let m = 0; m < size; m += 1) {
        if (m === 0) household.push(this.people.member(province, 1965 + Math.floor(this.rnd() * 35), applicant.gender === 'female' ? 'male' : 'female', 'spouse'));
        else household.push(this.people.member(province, 2005 + Math.floor(this.rnd() * 18), this.rnd() < 0.5 ? 'female' : 'male', 'child'));
      }
    }
    if (plant === 'twoNames') {
      const child = take(this.pastChildren);
      if (child) household.push({ ...child, fullName: this.people.unusualName() });
      else plant = null;
    }
    // Files whose plant needs an allocation, or a live eligible file, are eligible and stay.
    const needsUnit = plant === 'householdDoubleBenefit' || plant === 'citesAnotherDecision' || plant === 'resaleToIneligible' || plant === 'resaleAbovePrice' || plant === 'queueJump';
    const eligible = forceEligible || needsUnit || plant === 'override' || this.rnd() < 0.45;
    const withdrawn = eligible && !needsUnit && plant !== 'duplicateApplicant' && !forceEligible && this.rnd() < 0.06;
    return { applicationId, applicant, household, plant, eligible, withdrawn };
  }

  /** A file's own events: submission, maybe a police check, the decision, withdrawal or ranking. */
  private fileEvents(f: File, rank: number): DatasetEvent[] {
    const { applicationId, applicant, household, plant } = f;
    const projectId = applicationId.slice(0, applicationId.indexOf('-'));
    const provinceCode = PROVINCES[Number(projectId.slice(1)) % PROVINCES.length];
    // Eligible files earn under the ceiling; an override earns above it and is declared eligible anyway.
    const income = f.eligible && plant !== 'override'
      ? 8_000_000 + Math.floor(this.rnd() * 18) * 1_000_000
      : INCOME_CEILING + (1 + Math.floor(this.rnd() * 20)) * 1_000_000;
    const submittedAt = daysAgo(plant === 'recordedLate' ? 60 : 25);
    const decidedAt = daysAgo(plant === 'backdated' ? 28 : plant === 'recordedLate' ? 45 : 15);
    const events: DatasetEvent[] = [{
      type: 'ApplicationSubmitted',
      data: {
        applicationId, projectId, provinceCode, applicant, tenure: 'sale', household, category: 'worker', monthlyIncomeVnd: income,
        housing: { ownsHome: false, floorAreaPerPersonM2: 0 }, submittedAt, receivedBy: plant === 'conflictOfInterest' ? OFFICER : RECEIVER,
      },
    }];
    if (plant === 'registryMismatch' || this.rnd() < 0.3) events.push(this.check(f, provinceCode, plant === 'registryMismatch'));
    const policyOutcome = income <= INCOME_CEILING ? 'eligible' : 'ineligible';
    const outcome = f.eligible ? 'eligible' : 'ineligible';
    events.push({
      type: 'EligibilityDecided',
      data: {
        applicationId, outcome, decisionNo: `QĐ-${applicationId}`, decidedBy: plant === 'conflictOfInterest' ? `${OFFICER}, Phó Giám đốc Sở Xây dựng` : BOARD,
        decidedAt, reasons: [], justification: outcome !== policyOutcome ? 'Hoàn cảnh đặc biệt khó khăn' : null,
        policyVersion: 'vn-decree-136-2026', policyOutcome, policyReasons: policyOutcome === 'ineligible' ? ['income-above-ceiling'] : [],
      },
    });
    if (f.withdrawn) events.push({ type: 'ApplicationWithdrawn', data: { applicationId, reason: 'Rút hồ sơ', withdrawnAt: daysAgo(12) } });
    else if (f.eligible) events.push({ type: 'PriorityRanked', data: { applicationId, projectId, method: 'ballot', rank, rankedAt: `${daysAgo(10)}T02:00:00Z` } });
    // Counted here, where each is written: the detectors judge what is in the log, wherever it sits.
    if (plant === 'override' || plant === 'conflictOfInterest' || plant === 'backdated' || plant === 'recordedLate' || plant === 'registryMismatch'
      || plant === 'sameIdentity' || plant === 'twoNames' || plant === 'idDigits' || plant === 'duplicateApplicant' || plant === 'householdDoubleBenefit') {
      this.truth[plant] += 1;
    }
    return events;
  }

  /** The police check: clean, or with one person found deceased (one registry-mismatch finding). */
  private check(f: File, provinceCode: string, deceased: boolean): DatasetEvent {
    const everyone = [{ ...f.applicant, relation: 'applicant' as const }, ...f.household];
    const persons: PersonCheck[] = everyone.map((p, i) => ({
      citizenId: p.citizenId, role: p.relation, identity: 'match', identityReasons: [], alive: !(deceased && i === everyone.length - 1),
      residenceProvince: provinceCode, household: 'consistent', undeclaredSpouseCitizenId: null, ownsHousingInProvince: false,
      housingCertificates: [], undeclaredSpouseOwnsHousingInProvince: null,
    }));
    return {
      type: 'PopulationCheckRecorded',
      data: {
        applicationId: f.applicationId, provinceCode, checkedAt: `${daysAgo(20)}T03:00:00Z`,
        sources: { population: { kind: 'extract', snapshot: 'bench-2026-06' }, land: { kind: 'extract', snapshot: 'bench-2026-06' } }, persons,
      },
    };
  }

  /** A whole file in one store call: its own events, then its allocation when it gets a unit. */
  private fileAppends(f: File, rank: number, projectId: string, province: string, unit: UnitSpec | null): StreamAppend[] {
    const appends = [append(streams.application(f.applicationId), this.fileEvents(f, rank)), ...(unit ? this.allocationAppends(f, projectId, province, unit) : [])];
    // An applicant whose declared birth year is wrong would carry that error into any plant reusing them.
    if (!f.withdrawn && f.plant !== 'idDigits') this.next.applicants.push(f.applicant);
    if (f.eligible && !f.withdrawn) this.next.buyers.push(f.applicant.citizenId);
    for (const m of f.household) if (m.relation === 'child' && f.plant !== 'twoNames') this.next.children.push(m);
    return appends;
  }

  /** Allocation as the write side appends it (unit, the file's mirror, the person's claim), then handover and any resale. */
  private allocationAppends(f: File, projectId: string, provinceCode: string, unit: UnitSpec): StreamAppend[] {
    const { applicationId, applicant: { citizenId }, plant } = f;
    const allocationId = `${projectId}.${unit.unitNo}.r1`;
    const allocatedAt = `${daysAgo(5)}T02:00:00Z`;
    const unitStream = streams.unit(projectId, unit.unitNo);
    const appends = [
      append(unitStream, [{
        type: 'UnitAllocated',
        data: {
          allocationId, projectId, unitNo: unit.unitNo, applicationId, citizenId, eligibilityDecisionNo: plant === 'citesAnotherDecision' ? `QĐ-${applicationId}-cũ` : `QĐ-${applicationId}`,
          decisionNo: `GN-${applicationId}`, decidedBy: 'Nguyễn Văn An', decidedAt: daysAgo(5), allocatedAt,
        },
      }]),
      append(streams.application(applicationId), [{ type: 'UnitAllocated', data: { applicationId, allocationId, projectId, unitNo: unit.unitNo, allocatedAt } }]),
      append(streams.person(citizenId), [{ type: 'BenefitClaimed', data: { citizenId, claimId: allocationId, applicationId, projectId, unitNo: unit.unitNo, provinceCode, tenure: 'sale', claimedAt: allocatedAt } }]),
    ];
    if (plant === 'citesAnotherDecision') this.truth[plant] += 1;
    const resale = plant === 'resaleToIneligible' || plant === 'resaleAbovePrice' || (this.eligibleBuyers.length > 0 && this.rnd() < 0.003);
    if (!resale && this.rnd() >= 0.7) return appends;
    appends.push(append(unitStream, [{ type: 'UnitHandedOver', data: { allocationId, projectId, unitNo: unit.unitNo, citizenId, handedOverAt: daysAgo(2), contractNo: `HĐ-${applicationId}`, fullyPaidAt: daysAgo(2) } }]));
    if (!resale) {
      const spouse = f.household.find((m) => m.relation === 'spouse');
      if (spouse && plant === null) this.next.spouses.push(spouse);
      return appends;
    }
    // Lawful unless planted: an eligible buyer of an earlier project, at the original price.
    const buyer = plant === 'resaleToIneligible' ? this.people.citizenId(provinceCode, 1980, 'male') : this.eligibleBuyers.at(Math.floor(this.rnd() * this.eligibleBuyers.length));
    if (buyer === undefined) return appends;
    const priceVnd = plant === 'resaleAbovePrice' ? unit.priceVnd + 150_000_000 : unit.priceVnd;
    appends.push(
      append(unitStream, [{ type: 'UnitTransferred', data: { projectId, unitNo: unit.unitNo, kind: 'resale', fromCitizenId: citizenId, toCitizenId: buyer, priceVnd, transferredAt: daysAgo(1) } }]),
      append(streams.person(citizenId), [{ type: 'BenefitReleased', data: { citizenId, claimId: allocationId, reason: 'resale', releasedAt: daysAgo(1) } }]),
    );
    if (plant === 'resaleToIneligible' || plant === 'resaleAbovePrice') this.truth[plant] += 1;
    return appends;
  }

  /** A commercial project's 20% land obligation: due later, discharged on time, or (planted) overdue and short. */
  private landFund(commercialProjectId: string, provinceCode: string): StreamAppend {
    const residentialLandAreaM2 = 50_000 + Math.floor(this.rnd() * 100) * 1_000;
    const requiredAreaM2 = Math.round(residentialLandAreaM2 * 0.2);
    const shortfall = this.roll('landFundShortfall');
    const pastDue = shortfall || this.rnd() < 0.4;
    const events: DatasetEvent[] = [{
      type: 'LandFundObligationRegistered',
      data: {
        commercialProjectId, name: `Khu đô thị thương mại ${commercialProjectId}`, provinceCode, residentialLandAreaM2, requiredShare: 0.2, requiredAreaM2,
        dueDate: pastDue ? daysAgo(40) : '2031-12-31', registeredAt: `${daysAgo(400)}T02:00:00Z`,
      },
    }];
    if (shortfall) {
      this.truth.landFundShortfall += 1;
      if (this.rnd() < 0.5) events.push({ type: 'LandFundHandedOver', data: { commercialProjectId, form: 'land', areaM2: Math.floor(requiredAreaM2 / 2), parcel: `TĐ-${commercialProjectId}-1`, handedOverAt: daysAgo(50) } });
    } else if (pastDue) {
      // Recorded after the due date, so the ledger first sees it overdue, then discharged: a closed finding, not an open one.
      events.push({ type: 'LandFundPaidInLieu', data: { commercialProjectId, amountVnd: requiredAreaM2 * 2_000_000, dischargedAreaM2: requiredAreaM2, paidAt: daysAgo(41) } });
    } else if (this.rnd() < 0.5) {
      events.push({ type: 'LandFundHandedOver', data: { commercialProjectId, form: 'land', areaM2: Math.floor(requiredAreaM2 / 4), parcel: `TĐ-${commercialProjectId}-1`, handedOverAt: daysAgo(30) } });
    }
    return append(streams.landFund(commercialProjectId), events);
  }
}

function group(appends: StreamAppend[], barrier: boolean): DatasetGroup {
  return { appends, events: appends.reduce((n, x) => n + x.events.length, 0), barrier };
}

import type { ICommand } from '@nestjs/cqrs';
import { AllocateUnitCommand } from '../allocation/commands/allocate-unit/allocate-unit.command';
import { HandOverUnitCommand } from '../allocation/commands/hand-over-unit/hand-over-unit.command';
import { RegisterProjectCommand } from '../allocation/commands/register-project/register-project.command';
import { ReleaseUnitsCommand } from '../allocation/commands/release-units/release-units.command';
import { TransferUnitCommand } from '../allocation/commands/transfer-unit/transfer-unit.command';
import type { HouseholdMember, Person } from '../applications/domain/application.events';
import { RecordPriorityRankingCommand } from '../applications/commands/record-priority-ranking/record-priority-ranking.command';
import { RecordHandoverCommand } from '../land-fund/commands/record-handover/record-handover.command';
import { RegisterObligationCommand } from '../land-fund/commands/register-obligation/register-obligation.command';
import { DrawLotteryCommand } from '../lottery/commands/draw-lottery/draw-lottery.command';
import { OpenLotteryCommand } from '../lottery/commands/open-lottery/open-lottery.command';
import { commitmentOf } from '../lottery/domain/lottery-algorithm';
import { lotteryIdOf } from '../lottery/domain/lottery.decider';
import type { Actor } from '../shared/actor';
import { streams } from '../shared/streams';
import { BOARD, fileCommands, sourceFor, submit, swapDayMonth, type DemoFile } from './demo-files';
import { DemoPeople, dropMiddleName, typo } from './demo-people';
import { between, seeded, shuffle } from './demo-random';
import type { Plant } from './demo-truth';
import { CheckPopulationCommand } from '../population/commands/check-population/check-population.command';
import type { RegisteredFile } from './demo-registry';
import { CHECKED_SHARE, DEMO_PROVINCES, FILE_PLANTS, LOOK_ALIKES, PROJECT_PLANTS, type FilePlant } from './demo-rates';

/** Commands run in order; the scripts of one phase run side by side, phases one after another. */
export interface Script { commands: ICommand[] }
export interface DemoPlan {
  /** `readModels`: the phase reads them (a lottery's entrants), so they are caught up before it. */
  phases: { name: string; scripts: Script[]; readModels?: boolean }[];
  plants: Plant[];
  lookAlikes: Record<string, number>;
  projects: string[];
  /** The files the police check: the population extract must know their people. */
  registry: RegisteredFile[];
}

const DAY_MS = 86_400_000;
const UNITS_PER_PROJECT = 150;
const FILES_PER_PROJECT = 250;
/** The small projects that allocate by public lottery (Decree 100/2024 Art. 38): their units and files. */
const LOTTERY_UNITS = 10;
const LOTTERY_FILES = 12;


/**
 * A province's social-housing year, written as boards write it: projects and their units, land-fund
 * obligations of commercial projects, files with households, eligibility decisions, a ballot per
 * project, allocations in ballot order, handovers and a few resales. Abuse of every detector's kind
 * is injected at realistic rates (at least one of each, whatever the size) and counted in `plants`;
 * look-alikes that must not be flagged are mixed in. Deterministic for a seed.
 */
export function planProvince(applicants: number, seed: number, now = new Date()): DemoPlan {
  const rnd = seeded(seed);
  const people = new DemoPeople(rnd);
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY_MS).toISOString().slice(0, 10);
  const plants: Plant[] = [];
  const lookAlikes: Record<string, number> = Object.fromEntries(LOOK_ALIKES.map((k) => [k, 0]));
  const projectCount = Math.max(2, Math.ceil(applicants / FILES_PER_PROJECT));
  const projects = Array.from({ length: projectCount }, (_, i) => ({ id: `noxh-${String(i + 1).padStart(3, '0')}`, province: DEMO_PROVINCES[i % DEMO_PROVINCES.length] }));
  const board = (province: string): Actor => ({ subject: `demo-board-${province}`, role: 'board', province });

  // Which files carry which abuse: at least one of each kind, spread by the seed.
  const order = shuffle(rnd, Array.from({ length: applicants }, (_, i) => i));
  const plantOf = new Map<number, FilePlant>();
  for (const kind of FILE_PLANTS) {
    const n = Math.max(1, Math.round(kind.rate * applicants));
    for (let k = 0; k < n; k += 1) {
      const file = order.pop();
      if (file === undefined) break;
      plantOf.set(file, kind.kind);
    }
  }

  // Phase 1: projects, units (some with an oversized unit), land-fund obligations.
  const setup: Script[] = [];
  const oversized = new Set(shuffle(rnd, projects.map((_, i) => i)).slice(0, Math.max(1, Math.round(PROJECT_PLANTS.oversizedUnit * projectCount))));
  projects.forEach((p, i) => {
    const units = Array.from({ length: UNITS_PER_PROJECT }, (_, u) => ({
      unitNo: `A${String(u + 1).padStart(3, '0')}`, floorAreaM2: oversized.has(i) && u === UNITS_PER_PROJECT - 1 ? 80 : between(rnd, 30, 69), tenure: 'sale' as const,
      priceVnd: between(rnd, 900, 1500) * 1_000_000,
    }));
    if (oversized.has(i)) plants.push({ kind: 'oversized-unit', detector: 'over-allocation', marks: [`${p.id}.${units[UNITS_PER_PROJECT - 1].unitNo}`] });
    setup.push({ commands: [
      new RegisterProjectCommand({ id: p.id, name: `Nhà ở xã hội ${p.id}`, provinceCode: p.province, investor: 'Công ty CP Đầu tư Nhà ở Xã hội', kind: 'new', landAreaM2: 40_000, plannedUnits: UNITS_PER_PROJECT }, board(p.province), undefined),
      new ReleaseUnitsCommand(p.id, { units }, board(p.province), undefined),
    ] });
  });
  const funds = Math.max(4, projectCount);
  const short = Math.max(1, Math.round(PROJECT_PLANTS.landFundShortfall * funds));
  for (let f = 0; f < funds; f += 1) {
    const id = `tm-${String(f + 1).padStart(3, '0')}`;
    const province = DEMO_PROVINCES[f % DEMO_PROVINCES.length];
    const residentialLandAreaM2 = between(rnd, 50, 150) * 1000;
    const pastDue = f < short || f % 3 === 0;
    const commands: ICommand[] = [new RegisterObligationCommand({ commercialProjectId: id, name: `Khu đô thị thương mại ${id}`, provinceCode: province, residentialLandAreaM2, requiredShare: 0.2, dueDate: pastDue ? day(40) : '2031-12-31' }, board(province), undefined)];
    if (f < short) plants.push({ kind: 'land-fund-overdue', detector: 'land-fund-shortfall', marks: [streams.landFund(id)] });
    else if (pastDue) {
      // Paid in lieu after its due date: seen overdue once, then discharged, so no open finding.
      commands.push(new RecordHandoverCommand(id, { form: 'money', amountVnd: Math.round(residentialLandAreaM2 * 0.2) * 2_000_000, handedOverAt: day(35) }, board(province), undefined));
      lookAlikes['land-fund-paid-late'] += 1;
    }
    setup.push({ commands });
  }

  // Lottery projects: each opens a lottery over its files and draws it; in the planted ones a unit is
  // allocated between the opening and the draw, the "guaranteed slot" the draw was meant to rule out.
  const lotteryProjects = Array.from({ length: Math.max(2, Math.ceil(projectCount / 10)) }, (_, i) => ({ id: `xs-${String(i + 1).padStart(3, '0')}`, province: DEMO_PROVINCES[i % DEMO_PROVINCES.length] }));
  for (const p of lotteryProjects) {
    const units = Array.from({ length: LOTTERY_UNITS }, (_, u) => ({ unitNo: `A${String(u + 1).padStart(3, '0')}`, floorAreaM2: between(rnd, 30, 69), tenure: 'sale' as const, priceVnd: between(rnd, 900, 1500) * 1_000_000 }));
    setup.push({ commands: [
      new RegisterProjectCommand({ id: p.id, name: `Nhà ở xã hội ${p.id} (bốc thăm công khai)`, provinceCode: p.province, investor: 'Công ty CP Đầu tư Nhà ở Xã hội', kind: 'new', landAreaM2: 5_000, plannedUnits: LOTTERY_UNITS }, board(p.province), undefined),
      new ReleaseUnitsCommand(p.id, { units }, board(p.province), undefined),
    ] });
  }

  // Phase 2: the files.
  const files: DemoFile[] = [];
  const earlier: Person[] = [];
  const beneficiarySpouses: { beneficiary: string; spouse: HouseholdMember; projectIndex: number }[] = [];
  for (let a = 0; a < applicants; a += 1) {
    const projectIndex = Math.floor((a * projectCount) / applicants);
    const project = projects[projectIndex];
    const plant = plantOf.get(a) ?? null;
    const gender = rnd() < 0.5 ? 'female' : 'male';
    let applicant = people.person(project.province, between(rnd, 1965, 2000), gender);
    const household: HouseholdMember[] = [];
    const source = sourceFor(plant, earlier, rnd);
    if (source && plant === 'same-identity') applicant = people.newId(source, { ...source, fullName: source.fullName.toUpperCase() });
    if (source && plant === 'typo') applicant = people.newId(source, { ...source, fullName: typo(rnd, source.fullName) });
    if (source && plant === 'swapped-birth-date') applicant = people.newId(source, { ...source, dateOfBirth: swapDayMonth(source.dateOfBirth) });
    if (source && plant === 'dropped-middle-name') applicant = people.newId(source, { ...source, fullName: dropMiddleName(source.fullName) });
    if (source && plant === 'duplicate-applicant') applicant = source;
    if (plant === 'id-digits') applicant = { ...applicant, dateOfBirth: `${Number(applicant.dateOfBirth.slice(0, 4)) + 1}${applicant.dateOfBirth.slice(4)}` };
    if (source && plant && ['same-identity', 'typo', 'swapped-birth-date', 'dropped-middle-name'].includes(plant)) {
      plants.push({ kind: plant, detector: 'identity-conflict', marks: [source.citizenId, applicant.citizenId] });
    } else if (source && plant === 'duplicate-applicant') plants.push({ kind: plant, detector: 'duplicate-applicant', marks: [applicant.citizenId] });
    else if (plant === 'id-digits') plants.push({ kind: plant, detector: 'identity-conflict', marks: [applicant.citizenId, 'id-digits'] });

    const size = between(rnd, 0, 3);
    for (let m = 0; m < size; m += 1) {
      household.push(m === 0
        ? people.member(project.province, between(rnd, 1965, 2000), gender === 'female' ? 'male' : 'female', 'spouse')
        : people.member(project.province, between(rnd, 2005, 2020), rnd() < 0.5 ? 'female' : 'male', 'child'));
    }
    const needsUnit = plant === 'queue-jump' || plant === 'allocation-before-eligibility' || plant === 'resale-to-ineligible' || plant === 'resale-above-price';
    // A second file of someone already filed stays undecided-ineligible: the write side would refuse them a second unit.
    const eligible = plant !== 'duplicate-applicant' && (needsUnit || plant === 'override' || rnd() < 0.55);
    const withdrawn = eligible && !needsUnit && plant === null && rnd() < 0.04;
    files.push({ id: `${project.id}-hs${String(a + 1).padStart(5, '0')}`, projectId: project.id, province: project.province, applicant, household, plant, eligible, withdrawn });
    // Only clean people are reused by plants: a plant of a plant would link ids the truth does not pair.
    if (plant === null) earlier.push(applicant);
    // Namesakes born another day: a look-alike the identity detector must leave alone.
    if (rnd() < 0.01 || a === applicants - 1) {
      const twin = people.namesake(applicant, project.province);
      files.push({ id: `${project.id}-hs${String(a + 1).padStart(5, '0')}b`, projectId: project.id, province: project.province, applicant: twin, household: [], plant: null, eligible: false, withdrawn: false });
      lookAlikes['namesake-other-birth-date'] += 1;
    }
  }
  const lotteryFiles = lotteryProjects.map((p) => Array.from({ length: LOTTERY_FILES }, (_, k): DemoFile => ({
    id: `${p.id}-hs${String(k + 1).padStart(3, '0')}`, projectId: p.id, province: p.province, applicant: people.person(p.province, between(rnd, 1965, 2000), rnd() < 0.5 ? 'female' : 'male'),
    household: [], plant: null, eligible: true, withdrawn: false,
  })));
  const fileScripts = [...files, ...lotteryFiles.flat()].map((f) => ({ commands: fileCommands(f, board(f.province), day, rnd, lookAlikes) }));
  const planted = Math.max(1, Math.floor(lotteryProjects.length / 2));
  const lotteries: Script[] = lotteryProjects.map((p, i) => {
    const seed = Array.from({ length: 32 }, () => Math.floor(rnd() * 256).toString(16).padStart(2, '0')).join('');
    const open = new OpenLotteryCommand(p.id, { units: LOTTERY_UNITS, commitment: commitmentOf(seed), beaconSource: `Giải đặc biệt XSKT miền Bắc ngày ${day(3)}` }, board(p.province), undefined);
    const draw = new DrawLotteryCommand(lotteryIdOf(p.id, 1), { seed, beacon: String(between(rnd, 10_000, 99_999)) }, board(p.province), undefined);
    if (i >= planted) {
      lookAlikes['lottery-drawn-before-allocation'] += 1;
      return { commands: [open, draw] };
    }
    const favoured = lotteryFiles[i][Math.floor(rnd() * LOTTERY_FILES)];
    plants.push({ kind: 'allocated-before-draw', detector: 'lottery-integrity', marks: [favoured.applicant.citizenId, lotteryIdOf(p.id, 1)] });
    const slot = new AllocateUnitCommand({ applicationId: favoured.id, projectId: p.id, unitNo: 'A001', decisionNo: `GN-${favoured.id}`, decidedBy: BOARD, decidedAt: day(4) }, board(p.province), undefined);
    return { commands: [open, slot, draw] };
  });
  for (const f of files) if (f.plant !== null && ['override', 'conflict-of-interest', 'recorded-late'].includes(f.plant)) {
    plants.push({ kind: f.plant, detector: f.plant === 'override' ? 'decision-contradicts-policy' : f.plant === 'conflict-of-interest' ? 'conflict-of-interest' : 'backdating', marks: [streams.application(f.id)] });
  }

  // Police checks of a sample of clean files and of the planted ones, against an extract that agrees except for one death each.
  const registry: RegisteredFile[] = files
    .filter((f) => (f.plant === null && !f.withdrawn && rnd() < CHECKED_SHARE) || f.plant === 'registry-deceased')
    .map((f) => ({ fileId: f.id, province: f.province, applicant: f.applicant, household: f.household, deceased: f.plant === 'registry-deceased' ? [f.applicant, ...f.household][f.household.length].citizenId : null }));
  const checks: Script[] = [];
  for (const province of DEMO_PROVINCES) {
    const ids = registry.filter((r) => r.province === province).map((r) => r.fileId);
    const police: Actor = { subject: `demo-police-${province}`, role: 'police', province };
    for (let i = 0; i < ids.length; i += 100) checks.push({ commands: [new CheckPopulationCommand({ applicationIds: ids.slice(i, i + 100) }, police)] });
  }
  for (const r of registry) if (r.deceased !== null) plants.push({ kind: 'registry-deceased', detector: 'registry-mismatch', marks: [streams.application(r.fileId)] });

  // Phases 3 and 4: a ballot per project, then allocations in its order (one queue jump where planted), handovers, resales.
  const rankings: Script[] = [];
  const allocations: Script[] = [];
  const buyers: string[] = [];
  const resold = new Set<string>();
  const boundaryResales = Math.max(1, Math.round(0.001 * applicants));
  projects.forEach((p, projectIndex) => {
    const eligible = files.filter((f) => f.projectId === p.id && f.eligible && !f.withdrawn);
    if (eligible.length === 0) return;
    // A planted jump is the project's last allocation, over the file ranked just ahead of it: that
    // file keeps waiting (serving it would close the finding) and no other allocation skips it.
    const j = eligible.findIndex((f) => f.plant === 'queue-jump');
    // The skipped file carries no plant of its own: it is never served, so a plant on it would go missing.
    const ahead = j > 0 ? eligible.slice(0, j).reverse().find((f) => f.plant === null) : undefined;
    const pair = ahead ? [ahead, eligible[j]] : [];
    const others = eligible.filter((f) => !pair.includes(f));
    const served = [...others.slice(0, UNITS_PER_PROJECT - pair.length), ...pair];
    const queue = [...served, ...others.slice(UNITS_PER_PROJECT - pair.length)];
    rankings.push({ commands: [new RecordPriorityRankingCommand(p.id, { method: 'ballot', ranking: queue.map((f) => f.id) }, board(p.province), undefined)] });
    const commands: ICommand[] = [];
    const allocated = new Set<string>();
    for (let i = 0; i < served.length; i += 1) {
      let f = served[i];
      if (pair.length > 0 && f === pair[0]) {
        commands.push(...allocate(pair[1], i, p.province));
        plants.push({ kind: 'queue-jump', detector: 'queue-jump', marks: [pair[1].applicant.citizenId] });
        allocated.add(pair[1].id);
        break;
      }
      if (f.plant === 'queue-jump') f = { ...f, plant: null };
      commands.push(...allocate(f, i, p.province));
      allocated.add(f.id);
    }
    allocations.push({ commands });
    for (const f of served) {
      if (!allocated.has(f.id)) continue;
      const spouse = f.household.find((m) => m.relation === 'spouse');
      // A beneficiary who resold no longer holds the benefit: their spouse applying hides nothing.
      if (spouse && f.plant === null && !resold.has(f.id)) beneficiarySpouses.push({ beneficiary: f.applicant.citizenId, spouse, projectIndex });
      if (f.plant === null) buyers.push(f.applicant.citizenId);
    }
  });

  function allocate(f: DemoFile, index: number, province: string): ICommand[] {
    const unitNo = `A${String(index + 1).padStart(3, '0')}`;
    const out: ICommand[] = [new AllocateUnitCommand({ applicationId: f.id, projectId: f.projectId, unitNo, decisionNo: `GN-${f.id}`, decidedBy: BOARD, decidedAt: day(f.plant === 'allocation-before-eligibility' ? 20 : 5) }, board(province), undefined)];
    // Dated before the eligibility decision it rests on (decided 15 days ago): the write side cannot see stated dates' order.
    if (f.plant === 'allocation-before-eligibility') plants.push({ kind: f.plant, detector: 'allocation-without-eligibility', marks: [streams.application(f.id)] });
    const resale = f.plant === 'resale-to-ineligible' || f.plant === 'resale-above-price' || (buyers.length > 0 && rnd() < 0.01);
    if (!resale && f.plant === null && lookAlikes['resale-on-restriction-end'] < boundaryResales) {
      resold.add(f.id);
      lookAlikes['resale-on-restriction-end'] += 1;
      return [...out, ...resaleOnRestrictionEnd(f, unitNo, province)];
    }
    if (!resale && rnd() < 0.6) return out;
    out.push(new HandOverUnitCommand(f.projectId, unitNo, { handedOverAt: day(3), contractNo: `HĐ-${f.id}`, fullyPaidAt: day(3) }, board(province), undefined));
    if (!resale) return out;
    resold.add(f.id);
    const toCitizenId = f.plant === 'resale-to-ineligible' ? people.citizenId(province, 1980, 'male') : buyers.at(Math.floor(rnd() * buyers.length));
    if (toCitizenId === undefined) return out;
    out.push(new TransferUnitCommand(f.projectId, unitNo, { transferredAt: day(1), toCitizenId, kind: 'resale', priceVnd: f.plant === 'resale-above-price' ? 1_900_000_000 : 900_000_000 }, board(province), undefined));
    if (f.plant === 'resale-to-ineligible' || f.plant === 'resale-above-price') plants.push({ kind: f.plant, detector: 'early-resale', marks: [streams.unit(f.projectId, unitNo)] });
    else lookAlikes['lawful-resale'] += 1;
    return out;
  }

  /**
   * A look-alike at the boundary of the 5-year restriction (POLICY.md, Art. 89(1)(d)–(e)): paid in full
   * exactly five years before the resale, which goes to someone with no file at far above the original
   * price. A day earlier it would be void; on the anniversary itself the sale is free. The ledger holds
   * no allocation dated years back without a backdating finding, so the stated payment date carries the
   * years. A 29 February resale has no anniversary of its own: the day before is taken.
   */
  function resaleOnRestrictionEnd(f: DemoFile, unitNo: string, province: string): ICommand[] {
    const transferredAt = day(1).endsWith('-02-29') ? day(2) : day(1);
    const fullyPaidAt = `${Number(transferredAt.slice(0, 4)) - 5}${transferredAt.slice(4)}`;
    return [
      new HandOverUnitCommand(f.projectId, unitNo, { handedOverAt: fullyPaidAt, contractNo: `HĐ-${f.id}`, fullyPaidAt }, board(province), undefined),
      new TransferUnitCommand(f.projectId, unitNo, { transferredAt, toCitizenId: people.citizenId(province, 1980, 'male'), kind: 'resale', priceVnd: 1_900_000_000 }, board(province), undefined),
    ];
  }

  // Phase 5: spouses of beneficiaries applying on their own (abuse), declaring nobody, in another project.
  const late: Script[] = [];
  const spouseFiles = Math.max(1, Math.round(0.003 * applicants));
  const refusedSpouses = Math.max(1, Math.round(0.002 * applicants));
  shuffle(rnd, beneficiarySpouses).slice(0, spouseFiles + refusedSpouses).forEach(({ beneficiary, spouse, projectIndex }, i) => {
    const project = projects[(projectIndex + 1) % projects.length];
    const { relation, ...applicant } = spouse;
    const f: DemoFile = { id: `${project.id}-vc-${spouse.citizenId}`, projectId: project.id, province: project.province, applicant, household: [], plant: null, eligible: false, withdrawn: false };
    if (i < spouseFiles) {
      late.push({ commands: [submit(f, board(f.province), day, rnd)] });
      plants.push({ kind: 'spouse-of-beneficiary', detector: 'household-double-benefit', marks: [beneficiary, spouse.citizenId] });
    } else {
      // A spouse who applies and is refused asks for nothing: a look-alike.
      late.push({ commands: fileCommands(f, board(f.province), day, rnd, lookAlikes) });
      lookAlikes['refused-spouse'] += 1;
    }
  });
  return {
    phases: [{ name: 'dự án và quỹ đất', scripts: setup }, { name: 'hồ sơ', scripts: fileScripts }, { name: 'kiểm tra dân cư', scripts: checks }, { name: 'bốc thăm công khai', scripts: lotteries, readModels: true }, { name: 'bốc thăm', scripts: rankings }, { name: 'phân bổ', scripts: allocations }, { name: 'hồ sơ nộp sau', scripts: late }],
    plants,
    lookAlikes,
    projects: projects.map((p) => p.id),
    registry,
  };
}


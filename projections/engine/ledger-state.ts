import type { EntityManager } from 'typeorm';
import { DueHeap } from './due-heap';
import { IndexMap } from './index-map';
import {
  APPLICATIONS, CLAIMS, FINDINGS, LAND_FUND, LOTTERIES, PEOPLE, POPULATION_CHECKS, PROGRAMME_TARGETS, PROJECTS, UNITS,
} from './ledger-tables';
import type {
  ApplicationRow, ClaimRow, FindingRow, LandFundRow, LotteryRow, PersonRow, PopulationCheckRow, ProgrammeTargetRow, ProjectRow, UnitRow,
} from './rows';
import { Table, type TableWrite } from './table';

const key = (a: string, b: string) => `${a}\u0000${b}`;
const identityOf = (p: PersonRow) => key(p.name_norm, p.date_of_birth);

/**
 * The ledger's read models in memory, with the secondary indexes the detectors look things up by.
 * Every change goes through a method here, so the indexes and the set of rows to flush never
 * disagree with the rows.
 */
export class LedgerState {
  readonly projects = new Table(PROJECTS);
  readonly applications = new Table(APPLICATIONS);
  readonly people = new Table(PEOPLE);
  readonly units = new Table(UNITS);
  readonly claims = new Table(CLAIMS);
  readonly landFund = new Table(LAND_FUND);
  readonly programmeTargets = new Table(PROGRAMME_TARGETS);
  readonly populationChecks = new Table(POPULATION_CHECKS);
  readonly lotteries = new Table(LOTTERIES);
  readonly findings = new Table(FINDINGS);

  private readonly applicationsByCitizen = new IndexMap();
  private readonly applicationsByProject = new IndexMap();
  private readonly peopleByApplication = new IndexMap();
  private readonly peopleByCitizen = new IndexMap();
  private readonly peopleByIdentity = new IndexMap();
  /** The block of the fuzzy identity match: by birth date. */
  private readonly peopleByBirthDate = new IndexMap();
  private readonly unitsByProject = new IndexMap();
  private readonly unitsByApplication = new IndexMap();
  private readonly claimsByCitizen = new IndexMap();
  private readonly lotteriesByProject = new IndexMap();
  private readonly findingsByKey = new IndexMap();
  private readonly openFindingsByStream = new IndexMap();
  /** Obligations neither discharged nor yet seen overdue, by due date. */
  readonly awaitingDue = new DueHeap();
  /** The obligations the latest event was the first to see overdue (detector 10 keys them). */
  private overdue: { eventId: string; ids: string[] } = { eventId: '', ids: [] };

  private get tables(): Table<object>[] {
    return [this.projects, this.applications, this.people, this.units, this.claims, this.landFund, this.programmeTargets, this.populationChecks, this.lotteries, this.findings] as Table<object>[];
  }

  /** Reads every table (a live start, or a new leader taking over from another process). */
  async load(tx: EntityManager): Promise<void> {
    for (const table of this.tables) await table.load(tx);
    for (const a of this.applications.values()) this.indexApplication(a);
    for (const p of this.people.values()) this.indexPerson(p);
    for (const u of this.units.values()) {
      this.unitsByProject.add(u.project_id, this.units.keyOf(u));
      if (u.application_id !== null) this.unitsByApplication.add(u.application_id, this.units.keyOf(u));
    }
    for (const c of this.claims.values()) this.claimsByCitizen.add(c.citizen_id, c.claim_id);
    for (const o of this.landFund.values()) this.awaitIfDue(o);
    for (const l of this.lotteries.values()) this.lotteriesByProject.add(l.project_id, l.lottery_id);
    for (const f of this.findings.values()) this.indexFinding(f);
  }

  /** What every table changed since the last call, serialised (Table.takeWrites). */
  takeWrites(): TableWrite[] {
    return this.tables.flatMap((table) => table.takeWrites());
  }

  // Projects and units

  project(projectId: string): ProjectRow | undefined {
    return this.projects.get(projectId);
  }

  unit(projectId: string, unitNo: string): UnitRow | undefined {
    return this.units.get(key(projectId, unitNo));
  }

  addUnit(u: UnitRow): void {
    this.units.put(u);
    this.unitsByProject.add(u.project_id, this.units.keyOf(u));
    if (u.application_id !== null) this.unitsByApplication.add(u.application_id, this.units.keyOf(u));
  }

  /** Changes the application a unit is allocated to, keeping the index by application. */
  setUnitApplication(u: UnitRow, applicationId: string | null): void {
    const k = this.units.keyOf(u);
    if (u.application_id !== null) this.unitsByApplication.remove(u.application_id, k);
    u.application_id = applicationId;
    if (applicationId !== null) this.unitsByApplication.add(applicationId, k);
  }

  unitsOfProject(projectId: string): UnitRow[] {
    return this.rowsOf(this.units, this.unitsByProject.get(projectId));
  }

  unitsOfApplication(applicationId: string): UnitRow[] {
    return this.rowsOf(this.units, this.unitsByApplication.get(applicationId));
  }

  // Applications and people

  application(applicationId: string): ApplicationRow | undefined {
    return this.applications.get(applicationId);
  }

  addApplication(a: ApplicationRow): void {
    this.applications.put(a);
    this.indexApplication(a);
  }

  applicationsOfCitizen(citizenId: string): ApplicationRow[] {
    return this.rowsOf(this.applications, this.applicationsByCitizen.get(citizenId));
  }

  applicationsOfProject(projectId: string): ApplicationRow[] {
    return this.rowsOf(this.applications, this.applicationsByProject.get(projectId));
  }

  person(citizenId: string, applicationId: string): PersonRow | undefined {
    return this.people.get(key(citizenId, applicationId));
  }

  /** Inserts or replaces a declaration of a person in a file. */
  putPerson(p: PersonRow): void {
    const before = this.people.get(this.people.keyOf(p));
    if (before) this.unindexIdentity(before);
    this.people.put(p);
    this.indexPerson(p);
  }

  deletePerson(p: PersonRow): void {
    const k = this.people.keyOf(p);
    this.people.delete(p);
    this.peopleByApplication.remove(p.application_id, k);
    this.peopleByCitizen.remove(p.citizen_id, k);
    this.unindexIdentity(p);
  }

  private unindexIdentity(p: PersonRow): void {
    const k = this.people.keyOf(p);
    this.peopleByIdentity.remove(identityOf(p), k);
    this.peopleByBirthDate.remove(p.date_of_birth, k);
  }

  peopleOfApplication(applicationId: string): PersonRow[] {
    return this.rowsOf(this.people, this.peopleByApplication.get(applicationId));
  }

  peopleOfCitizen(citizenId: string): PersonRow[] {
    return this.rowsOf(this.people, this.peopleByCitizen.get(citizenId));
  }

  peopleWithIdentity(nameNorm: string, dateOfBirth: string): PersonRow[] {
    return this.rowsOf(this.people, this.peopleByIdentity.get(key(nameNorm, dateOfBirth)));
  }

  peopleBornOn(dateOfBirth: string): PersonRow[] {
    return this.rowsOf(this.people, this.peopleByBirthDate.get(dateOfBirth));
  }

  // Claims

  addClaim(c: ClaimRow): void {
    this.claims.put(c);
    this.claimsByCitizen.add(c.citizen_id, c.claim_id);
  }

  claimsOfCitizen(citizenId: string): ClaimRow[] {
    return this.rowsOf(this.claims, this.claimsByCitizen.get(citizenId));
  }

  // Land fund, programme targets, police checks

  obligation(commercialProjectId: string): LandFundRow | undefined {
    return this.landFund.get(commercialProjectId);
  }

  /** Puts an obligation that is neither discharged nor seen overdue on the due-date heap. */
  awaitIfDue(o: LandFundRow): void {
    if (!o.discharged && o.overdue_event_id === null) this.awaitingDue.push(o.due_date, o.commercial_project_id);
  }

  /** Marks an obligation as first seen overdue by this event. */
  markOverdue(o: LandFundRow, eventId: string, recordedAt: string): void {
    o.overdue_event_id = eventId;
    o.overdue_seen_at = recordedAt;
    this.landFund.touch(o);
    if (this.overdue.eventId !== eventId) this.overdue = { eventId, ids: [] };
    this.overdue.ids.push(o.commercial_project_id);
  }

  /** The obligations `eventId` was the first to see overdue. */
  overdueBy(eventId: string): readonly string[] {
    return this.overdue.eventId === eventId ? this.overdue.ids : [];
  }

  programmeTarget(provinceCode: string, period: string): ProgrammeTargetRow | undefined {
    return this.programmeTargets.get(key(provinceCode, period));
  }

  populationCheck(applicationId: string): PopulationCheckRow | undefined {
    return this.populationChecks.get(applicationId);
  }

  // Lotteries

  lottery(lotteryId: string): LotteryRow | undefined {
    return this.lotteries.get(lotteryId);
  }

  addLottery(l: LotteryRow): void {
    this.lotteries.put(l);
    this.lotteriesByProject.add(l.project_id, l.lottery_id);
  }

  lotteriesOfProject(projectId: string): LotteryRow[] {
    return this.rowsOf(this.lotteries, this.lotteriesByProject.get(projectId));
  }

  // Findings

  findingsOf(detector: string, findingKey: string): FindingRow[] {
    return this.rowsOf(this.findings, this.findingsByKey.get(key(detector, findingKey)));
  }

  /** Inserts or rewrites a finding, keeping the index of open findings by the streams they cite. */
  putFinding(f: FindingRow): void {
    const before = this.findings.get(f.id);
    if (before?.status === 'open') for (const s of before.streams) this.openFindingsByStream.remove(key(before.detector, s), before.id);
    this.findings.put(f);
    this.indexFinding(f);
  }

  /** The keys of a detector's open findings that cite a stream. */
  openFindingKeysOn(detector: string, stream: string): string[] {
    const keys = new Set<string>();
    for (const id of this.openFindingsByStream.get(key(detector, stream))) {
      const f = this.findings.get(id);
      if (f) keys.add(f.finding_key);
    }
    return [...keys];
  }

  private indexApplication(a: ApplicationRow): void {
    this.applicationsByCitizen.add(a.citizen_id, a.application_id);
    this.applicationsByProject.add(a.project_id, a.application_id);
  }

  private indexPerson(p: PersonRow): void {
    const k = this.people.keyOf(p);
    this.peopleByApplication.add(p.application_id, k);
    this.peopleByCitizen.add(p.citizen_id, k);
    this.peopleByIdentity.add(identityOf(p), k);
    this.peopleByBirthDate.add(p.date_of_birth, k);
  }

  private indexFinding(f: FindingRow): void {
    this.findingsByKey.add(key(f.detector, f.finding_key), f.id);
    if (f.status === 'open') for (const s of f.streams) this.openFindingsByStream.add(key(f.detector, s), f.id);
  }

  private rowsOf<R extends object>(table: Table<R>, keys: Iterable<string>): R[] {
    const rows: R[] = [];
    for (const k of keys) {
      const row = table.get(k);
      if (row) rows.push(row);
    }
    return rows;
  }
}

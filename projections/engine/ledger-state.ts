import type { EntityManager } from 'typeorm';
import type { BatchKeys } from './batch-keys';
import { DueHeap } from './due-heap';
import { type IndexJournal, IndexMap } from './index-map';
import {
  APPLICATIONS, CLAIMS, FINDINGS, LAND_FUND, LOTTERIES, PEOPLE, POPULATION_CHECKS, PROGRAMME_TARGETS, PROJECTS, UNITS,
} from './ledger-tables';
import type {
  ApplicationRow, ClaimRow, FindingRow, LandFundRow, LotteryRow, PersonRow, PopulationCheckRow, ProgrammeTargetRow, ProjectRow, UnitRow,
} from './rows';
import { type DeclaredIdentity, FIELD_SQL, IdentityIndex, type PersonIdentity, RECORD_SQL } from './identity-index';
import { LookupFamily } from './lookup-family';
import { Table, type TableWrite } from './table';

const key = (a: string, b: string) => `${a}\u0000${b}`;
/** A declaration as the identity index holds it: its strings are the row's, not copies. */
const declaredIdentityOf = (p: PersonRow): DeclaredIdentity =>
  ({ citizenId: p.citizen_id, applicationId: p.application_id, nameNorm: p.name_norm, dateOfBirth: p.date_of_birth, gender: p.gender });
const keyPart = (k: string, i: number): string => k.split('\u0000')[i];

/**
 * The ledger's read models in memory, with the secondary indexes the detectors look things up by.
 * Every change goes through a method here, so the indexes and the set of rows to flush never
 * disagree with the rows.
 *
 * Memory is bounded: the small tables (projects, land fund, targets, lotteries, findings) are
 * always whole, the large ones (files, people, units, claims, police checks) may be partial. A
 * lookup on a partial table that memory cannot answer whole is recorded as a miss and answered
 * with what memory has; a batch that missed is taken back (`recover`), the misses are read in a
 * few `= ANY($1)` queries (`prefetch`), and the batch is folded again, until one folds with no
 * miss. `evict` drops the large tables when memory grows past its budget.
 */
export class LedgerState {
  private readonly journal: IndexJournal = { undo: null };
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

  /** The indexes over the large tables, cleared with their rows by `evict`: each is made by `largeIndex`, so none can be left out. */
  private readonly largeIndexes: IndexMap[] = [];
  private readonly applicationsByCitizen = this.largeIndex();
  private readonly applicationsByProject = this.largeIndex();
  private readonly peopleByApplication = this.largeIndex();
  private readonly peopleByCitizen = this.largeIndex();
  /** Every declaration, whole even when the people are not (IdentityIndex): not cleared by `evict`. */
  private readonly identities = new IdentityIndex(this.journal);
  private readonly unitsByProject = this.largeIndex();
  private readonly unitsByApplication = this.largeIndex();
  private readonly claimsByCitizen = this.largeIndex();
  private readonly lotteriesByProject = new IndexMap(this.journal);
  private readonly findingsByKey = new IndexMap(this.journal);
  private readonly openFindingsByStream = new IndexMap(this.journal);

  private readonly application_ = new LookupFamily(this.applications, 'application_id', (a) => this.indexApplication(a));
  private readonly applicationsOfCitizen_ = new LookupFamily(this.applications, 'citizen_id', (a) => this.indexApplication(a));
  private readonly applicationsOfProject_ = new LookupFamily(this.applications, 'project_id', (a) => this.indexApplication(a));
  private readonly peopleOfApplication_ = new LookupFamily(this.people, 'application_id', (p) => this.indexPerson(p));
  private readonly peopleOfCitizen_ = new LookupFamily(this.people, 'citizen_id', (p) => this.indexPerson(p));
  private readonly unitsOfProject_ = new LookupFamily(this.units, 'project_id', (u) => this.indexUnit(u));
  private readonly unitsOfApplication_ = new LookupFamily(this.units, 'application_id', (u) => this.indexUnit(u));
  private readonly claim_ = new LookupFamily(this.claims, 'claim_id', (c) => this.indexClaim(c));
  private readonly claimsOfCitizen_ = new LookupFamily(this.claims, 'citizen_id', (c) => this.indexClaim(c));
  private readonly populationCheck_ = new LookupFamily(this.populationChecks, 'application_id', () => undefined);

  /** Obligations neither discharged nor yet seen overdue, by due date. */
  awaitingDue = new DueHeap();
  /** The obligations the latest event was the first to see overdue (detector 10 keys them). */
  private overdue: { eventId: string; ids: string[] } = { eventId: '', ids: [] };

  constructor() {
    // A key a partial table lacks is answered by the family that holds it.
    this.applications.onAbsent = (k) => this.application_.need(k);
    this.people.onAbsent = (k) => this.peopleOfApplication_.need(keyPart(k, 1));
    this.units.onAbsent = (k) => this.unitsOfProject_.need(keyPart(k, 0));
    this.claims.onAbsent = (k) => this.claim_.need(k);
    this.populationChecks.onAbsent = (k) => this.populationCheck_.need(k);
    // A row new to memory is new to its table when a lookup by part of its key read all the table holds there: it is copied in, not upserted.
    this.applications.isKnownNew = (a) => this.application_.holdsAllOf(a);
    this.people.isKnownNew = (p) => this.peopleOfApplication_.holdsAllOf(p) || this.peopleOfCitizen_.holdsAllOf(p);
    this.units.isKnownNew = (u) => this.unitsOfProject_.holdsAllOf(u);
    this.claims.isKnownNew = (c) => this.claim_.holdsAllOf(c);
    this.populationChecks.isKnownNew = (c) => this.populationCheck_.holdsAllOf(c);
  }

  private get tables(): Table<object>[] {
    return [this.projects, this.applications, this.people, this.units, this.claims, this.landFund, this.programmeTargets, this.populationChecks, this.lotteries, this.findings] as Table<object>[];
  }

  private largeIndex(): IndexMap {
    const index = new IndexMap(this.journal);
    this.largeIndexes.push(index);
    return index;
  }

  /** The tables that may be partial: the ones that grow with the ledger. */
  private get largeTables(): Table<object>[] {
    return [this.applications, this.people, this.units, this.claims, this.populationChecks] as Table<object>[];
  }

  private get families(): LookupFamily<object>[] {
    return [
      this.application_, this.applicationsOfCitizen_, this.applicationsOfProject_, this.peopleOfApplication_, this.peopleOfCitizen_,
      this.unitsOfProject_, this.unitsOfApplication_, this.claim_, this.claimsOfCitizen_, this.populationCheck_,
    ] as LookupFamily<object>[];
  }

  /**
   * Reads the tables (a live start, a new leader taking over, a recovery from a failed batch):
   * every row, or with `partial`, only the small tables, the large ones read as batches ask.
   */
  async load(tx: EntityManager, partial = false): Promise<void> {
    for (const table of this.tables) await table.loadKinds(tx);
    for (const table of partial ? this.tables.filter((t) => !this.largeTables.includes(t)) : this.tables) {
      for (const row of await table.load(tx)) this.indexRow(table, row);
    }
    if (partial) {
      for (const table of this.largeTables) table.markPartial();
      await this.loadIdentities(tx);
    }
    this.rebuildDueHeap();
  }

  /** Reads every declaration into the identity index, packed a day at a time by PostgreSQL: 18,000 rows to parse at a million events, not 400,000. */
  private async loadIdentities(tx: EntityManager): Promise<void> {
    const days = await tx.query<{ day: string; records: string }[]>(
      `SELECT date_of_birth AS day, string_agg(concat_ws(${FIELD_SQL}, citizen_id, application_id, name_norm, coalesce('=' || gender, '')), ${RECORD_SQL}) AS records ` +
      'FROM rm_people GROUP BY date_of_birth',
    );
    for (const { day, records } of days) this.identities.fill(day, records);
  }

  /** How many rows the large tables hold: what the memory budget counts. */
  get residentRows(): number {
    return this.largeTables.reduce((n, t) => n + t.size, 0);
  }

  /** A batch is about to be folded: on a partial state, every change must be undoable. */
  beginBatch(): void {
    const partial = this.partial;
    this.journal.undo = partial ? [] : null;
    for (const table of this.tables) table.track(partial);
  }

  /** The batch folded with no miss: nothing will take it back. */
  endBatch(): void {
    this.journal.undo = null;
    for (const table of this.tables) table.untrack();
  }

  /** Whether the batch asked for rows memory does not hold: its fold cannot be trusted. */
  get missed(): boolean {
    return this.families.some((f) => f.hasMisses);
  }

  /** Takes back the batch folded since `beginBatch`: indexes by their journal, rows read again from the tables. */
  async recover(tx: EntityManager): Promise<void> {
    const undo = this.journal.undo ?? [];
    this.journal.undo = null;
    for (let i = undo.length - 1; i >= 0; i--) undo[i]();
    for (const table of this.tables) for (const row of await table.recover(tx)) this.indexRow(table, row);
    this.rebuildDueHeap();
    this.overdue = { eventId: '', ids: [] };
  }

  /** Reads every row the last fold missed. */
  async prefetch(tx: EntityManager): Promise<void> {
    for (const family of this.families) await family.load(tx);
  }

  /**
   * Reads, before a batch on a partial state is folded, what it will most likely ask for: the
   * files, citizens and projects it names and the files of the declarations that may be alike to the
   * people it declares, then, for a few steps, the citizens and files those lead to (an applicant's
   * other files, a household member's other declarations and claims, the declarations alike to
   * theirs). One query per lookup family and step.
   */
  async prefetchFor(tx: EntityManager, keys: BatchKeys, steps: number): Promise<void> {
    const needAll = <R extends object>(family: LookupFamily<R>, values: Iterable<string>) => { for (const v of values) family.need(v); };
    const byFile = [this.application_, this.peopleOfApplication_, this.unitsOfApplication_, this.populationCheck_] as LookupFamily<object>[];
    const byCitizen = [this.applicationsOfCitizen_, this.peopleOfCitizen_, this.claimsOfCitizen_] as LookupFamily<object>[];
    needAll(this.unitsOfProject_, keys.projects);
    needAll(this.applicationsOfProject_, keys.projects);
    const seenFiles = new Set<string>();
    const seenCitizens = new Set<string>();
    let files = [...keys.applications];
    let citizens = [...keys.citizens];
    let declared: PersonIdentity[] = keys.identities;
    for (let step = 0; step < steps && files.length + citizens.length + declared.length > 0; step++) {
      const alike = this.filesAlikeTo(declared);
      files = [...new Set([...files, ...alike.files])].filter((f) => !seenFiles.has(f));
      citizens = [...new Set([...citizens, ...alike.citizens])].filter((c) => !seenCitizens.has(c));
      for (const family of byFile) needAll(family, files);
      for (const family of byCitizen) needAll(family, citizens);
      await this.prefetch(tx);
      for (const f of files) seenFiles.add(f);
      for (const c of citizens) seenCitizens.add(c);
      const nextFiles = new Set<string>();
      const nextCitizens = new Set<string>();
      const nextDeclared: PersonIdentity[] = [];
      const declaredIn = (k: string) => {
        const p = this.people.peek(k);
        if (p) nextDeclared.push(declaredIdentityOf(p));
      };
      for (const id of files) {
        const a = this.applications.peek(id);
        if (a) nextCitizens.add(a.citizen_id);
        for (const k of this.peopleByApplication.get(id)) {
          nextCitizens.add(keyPart(k, 0));
          declaredIn(k);
        }
      }
      for (const id of citizens) {
        for (const k of this.peopleByCitizen.get(id)) {
          nextFiles.add(keyPart(k, 1));
          declaredIn(k);
        }
        for (const k of this.applicationsByCitizen.get(id)) nextFiles.add(k);
      }
      files = [...nextFiles].filter((f) => !seenFiles.has(f));
      citizens = [...nextCitizens].filter((c) => !seenCitizens.has(c));
      declared = nextDeclared;
    }
  }

  /** The files and citizens of the declarations of the same identity as, or maybe alike to, these. */
  private filesAlikeTo(declared: readonly PersonIdentity[]): { files: string[]; citizens: string[] } {
    const files: string[] = [];
    const citizens: string[] = [];
    for (const p of declared) {
      for (const q of [...this.identities.withIdentity(p.nameNorm, p.dateOfBirth), ...this.identities.alikeTo(p)]) {
        files.push(q.applicationId);
        citizens.push(q.citizenId);
      }
    }
    return { files, citizens };
  }

  /** Whether a large table holds only some of its rows: batches must be read for before they are folded. */
  get partial(): boolean {
    return this.largeTables.some((t) => !t.isComplete);
  }

  /** Drops the large tables' rows (between batches, once their writes are taken): they are read again as batches ask. */
  evict(): void {
    for (const table of this.largeTables) table.evict();
    for (const index of this.largeIndexes) index.clear();
    for (const family of this.families) family.forget();
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
    this.indexUnit(u);
  }

  /** Changes the application a unit is allocated to, keeping the index by application. */
  setUnitApplication(u: UnitRow, applicationId: string | null): void {
    const k = this.units.keyOf(u);
    if (u.application_id !== null) this.unitsByApplication.remove(u.application_id, k);
    u.application_id = applicationId;
    if (applicationId !== null) this.unitsByApplication.add(applicationId, k);
  }

  unitsOfProject(projectId: string): UnitRow[] {
    this.unitsOfProject_.need(projectId);
    return this.rowsOf(this.units, this.unitsByProject.get(projectId));
  }

  unitsOfApplication(applicationId: string): UnitRow[] {
    this.unitsOfApplication_.need(applicationId);
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
    this.applicationsOfCitizen_.need(citizenId);
    return this.rowsOf(this.applications, this.applicationsByCitizen.get(citizenId));
  }

  applicationsOfProject(projectId: string): ApplicationRow[] {
    this.applicationsOfProject_.need(projectId);
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
    this.identities.remove(declaredIdentityOf(p));
  }

  peopleOfApplication(applicationId: string): PersonRow[] {
    this.peopleOfApplication_.need(applicationId);
    return this.rowsOf(this.people, this.peopleByApplication.get(applicationId));
  }

  peopleOfCitizen(citizenId: string): PersonRow[] {
    this.peopleOfCitizen_.need(citizenId);
    return this.rowsOf(this.people, this.peopleByCitizen.get(citizenId));
  }

  peopleWithIdentity(nameNorm: string, dateOfBirth: string): PersonRow[] {
    return this.declarationsOf(this.identities.withIdentity(nameNorm, dateOfBirth));
  }

  /** The declarations of other citizens that may be alike to `p` (IdentityIndex.alikeTo): only these rows are read. */
  peopleAlikeTo(p: PersonRow): PersonRow[] {
    return this.declarationsOf(this.identities.alikeTo(declaredIdentityOf(p)));
  }

  private declarationsOf(declared: readonly DeclaredIdentity[]): PersonRow[] {
    return this.rowsOf(this.people, declared.map((d) => key(d.citizenId, d.applicationId)));
  }

  // Claims

  addClaim(c: ClaimRow): void {
    this.claims.put(c);
    this.indexClaim(c);
  }

  claimsOfCitizen(citizenId: string): ClaimRow[] {
    this.claimsOfCitizen_.need(citizenId);
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
    this.indexLottery(l);
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

  /** Indexes a row read from its table. */
  private indexRow(table: Table<object>, row: object): void {
    if (table === this.applications) this.indexApplication(row as ApplicationRow);
    else if (table === this.people) this.indexPerson(row as PersonRow);
    else if (table === this.units) this.indexUnit(row as UnitRow);
    else if (table === this.claims) this.indexClaim(row as ClaimRow);
    else if (table === this.lotteries) this.indexLottery(row as LotteryRow);
    else if (table === this.findings) this.indexFinding(row as FindingRow);
  }

  private rebuildDueHeap(): void {
    this.awaitingDue = new DueHeap();
    for (const o of this.landFund.values()) this.awaitIfDue(o);
  }

  private indexUnit(u: UnitRow): void {
    this.unitsByProject.add(u.project_id, this.units.keyOf(u));
    if (u.application_id !== null) this.unitsByApplication.add(u.application_id, this.units.keyOf(u));
  }

  private indexClaim(c: ClaimRow): void {
    this.claimsByCitizen.add(c.citizen_id, c.claim_id);
  }

  private indexLottery(l: LotteryRow): void {
    this.lotteriesByProject.add(l.project_id, l.lottery_id);
  }

  private indexApplication(a: ApplicationRow): void {
    this.applicationsByCitizen.add(a.citizen_id, a.application_id);
    this.applicationsByProject.add(a.project_id, a.application_id);
  }

  private indexPerson(p: PersonRow): void {
    const k = this.people.keyOf(p);
    this.peopleByApplication.add(p.application_id, k);
    this.peopleByCitizen.add(p.citizen_id, k);
    this.identities.add(declaredIdentityOf(p));
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

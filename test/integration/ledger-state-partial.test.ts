import type { PopulationCheckRecorded } from '../../src/population/domain/population-check.events';
import { normalizeName } from '../../src/shared/identity/normalize-name';
import { PEOPLE } from '../../projections/engine/ledger-tables';
import { LedgerState } from '../../projections/engine/ledger-state';
import { Table } from '../../projections/engine/table';
import type { PersonRow } from '../../projections/engine/rows';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

/**
 * A partial state answers a lookup only once it holds all the rows the answer needs: until then
 * it records a miss. Each lookup is tried on its own cold state, so no other lookup's rows can
 * stand in for the ones it should have asked for.
 */
describe('ledger state with the large tables partial (memory past its budget)', () => {
  let h: LedgerHarness;
  const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');
  const minh = person('031088004321', 'Trần Văn Minh', '1988-02-03', 'male');
  const minhElsewhere: PersonRow = {
    citizen_id: '031088004322', application_id: 'f9', role: 'applicant', full_name: minh.fullName, name_norm: normalizeName(minh.fullName),
    date_of_birth: minh.dateOfBirth, gender: 'male', province_code: '31', event_id: 'e9',
  };

  beforeAll(async () => {
    h = await LedgerHarness.start();
    await h.write('project-p1', [{
      type: 'ProjectRegistered',
      data: { projectId: 'p1', name: 'NOXH Đông Hải', provinceCode: '31', investor: 'Công ty A', kind: 'new', landAreaM2: 20_000, plannedUnits: 2, registeredAt: '2026-01-05' },
    }]);
    await h.write('unit-p1.A1', [{ type: 'UnitReleased', data: { projectId: 'p1', unitNo: 'A1', floorAreaM2: 55, tenure: 'sale', priceVnd: 1_200_000_000, releasedAt: '2026-01-10' } }]);
    await h.write('application-f1', [submitted(lan, { applicationId: 'f1', projectId: 'p1', household: [{ ...minh, relation: 'spouse' }] })]);
    await h.write('application-f2', [submitted(lan, { applicationId: 'f2', projectId: 'p1' })]);
    await h.write('unit-p1.A1', [{
      type: 'UnitAllocated',
      data: { allocationId: 'p1.A1.r1', projectId: 'p1', unitNo: 'A1', applicationId: 'f1', citizenId: lan.citizenId, eligibilityDecisionNo: 'QĐ-1',
        decisionNo: 'PB-A1', decidedBy: 'Giám đốc Sở', decidedAt: '2026-03-20', allocatedAt: '2026-04-01T03:00:00.000Z' },
    }]);
    await h.write(`person-${lan.citizenId}`, [{
      type: 'BenefitClaimed',
      data: { citizenId: lan.citizenId, claimId: 'p1.A1.r1', applicationId: 'f1', projectId: 'p1', unitNo: 'A1', provinceCode: '31', tenure: 'sale', claimedAt: '2026-04-01T03:00:00.000Z' },
    }]);
    const check: PopulationCheckRecorded = {
      type: 'PopulationCheckRecorded',
      data: { applicationId: 'f1', provinceCode: '31', checkedAt: '2026-04-01', sources: { population: { kind: 'extract', snapshot: 's1' }, land: { kind: 'extract', snapshot: 'l1' } }, persons: [] },
    };
    await h.write('application-f1', [check]);
    await h.project();
  });
  afterAll(() => h.stop());

  const lookups: [string, (s: LedgerState) => unknown[], number][] = [
    ['a file by id', (s) => [s.application('f1')].filter(Boolean), 1],
    ['a citizen\'s files', (s) => s.applicationsOfCitizen(lan.citizenId), 2],
    ['a project\'s files', (s) => s.applicationsOfProject('p1'), 2],
    ['a declaration by citizen and file', (s) => [s.person(minh.citizenId, 'f1')].filter(Boolean), 1],
    ['a file\'s people', (s) => s.peopleOfApplication('f1'), 2],
    ['a citizen\'s declarations', (s) => s.peopleOfCitizen(lan.citizenId), 2],
    ['the people with a name and birth date', (s) => s.peopleWithIdentity(normalizeName(lan.fullName), lan.dateOfBirth), 2],
    ['the declarations alike to one (another id, the same name and birth date)', (s) => s.peopleAlikeTo(minhElsewhere), 1],
    ['a unit', (s) => [s.unit('p1', 'A1')].filter(Boolean), 1],
    ['a project\'s units', (s) => s.unitsOfProject('p1'), 1],
    ['a file\'s units', (s) => s.unitsOfApplication('f1'), 1],
    ['a citizen\'s claims', (s) => s.claimsOfCitizen(lan.citizenId), 1],
    ['a claim by id', (s) => [s.claims.get('p1.A1.r1')].filter(Boolean), 1],
    ['a file\'s police check', (s) => [s.populationCheck('f1')].filter(Boolean), 1],
  ];

  it.each(lookups)('%s: a miss on a cold state, the whole answer once read', async (_name, lookup, expected) => {
    await h.dataSource.transaction(async (tx) => {
      const state = new LedgerState();
      await state.load(tx, true);
      expect(state.partial).toBe(true);
      expect(lookup(state)).toHaveLength(0);
      expect(state.missed).toBe(true);
      await state.prefetch(tx);
      expect(lookup(state)).toHaveLength(expected);
      expect(state.missed).toBe(false);
    });
  });

  it('a read while a batch\'s deletion lands (a pipelined fold) does not bring the deleted row back', async () => {
    await h.dataSource.transaction(async (tx) => {
      const people = new Table(PEOPLE);
      await people.loadKinds(tx);
      people.markPartial();
      const minhInF1 = (await people.loadWhere(tx, 'application_id', ['f1'])).find((p) => p.citizen_id === minh.citizenId);
      if (!minhInF1) throw new Error('the harness wrote no declaration of Minh in f1');
      people.delete(minhInF1);
      expect(people.takeWrites()).toHaveLength(1); // taken, not run: the table still holds the row
      expect((await people.loadWhere(tx, 'application_id', ['f1'])).map((p) => p.citizen_id)).toEqual([]);
      expect(people.peek(people.keyOf(minhInF1))).toBeUndefined();
    });
  });

  it('a full load answers every lookup at once, with no miss', async () => {
    await h.dataSource.transaction(async (tx) => {
      const state = new LedgerState();
      await state.load(tx);
      for (const [, lookup, expected] of lookups) expect(lookup(state)).toHaveLength(expected);
      expect(state.missed).toBe(false);
    });
  });
});

import { expect } from '@jest/globals';
import type { PopulationCheckRecorded } from '../../src/population/domain/population-check.events';
import type { PopulationChecksView } from '../../src/population/queries/population-checks/population-checks.view';
import request from 'supertest';
import type { RegistryPerson } from '../../src/population/population-registry.port';
import { ProjectionsService } from '../../src/projections/projections.service';
import type { Role } from '../../src/shared/actor';
import { applicationBody, decideEligible, registerProject, submitApplication } from '../support/application-requests';
import { boardPost, eventCount } from '../support/board-api';
import { importRegistries, registryPerson } from '../support/registry-extracts';
import { createTestApp, type TestApp } from '../support/test-app';
import { bodyOf, errorOf } from '../support/response-body';

const resident = (citizenId: string, fullName: string, dateOfBirth: string, gender: 'male' | 'female', over: Partial<RegistryPerson> = {}): RegistryPerson =>
  registryPerson(citizenId, { fullName, dateOfBirth, gender, householdId: `HK-${citizenId.slice(-6, -3)}`, ...over });
const declared = (p: RegistryPerson, relation?: string) => ({
  citizenId: p.citizenId, fullName: p.fullName, dateOfBirth: p.dateOfBirth, gender: p.gender, ...(relation && { relation }),
});

// One file per kind of mismatch, each with people of its own; ids encode birth year and gender.
const lan = resident('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female', { householdId: 'HK-1', spouseCitizenId: '031088004321' });
const minh = resident('031088004321', 'Trần Văn Minh', '1988-09-30', 'male', { householdId: 'HK-1', spouseCitizenId: lan.citizenId });
const an = resident('031215000777', 'Trần Minh An', '2015-06-01', 'male', { householdId: 'HK-1' });
const hoa = resident('031190002001', 'Lê Thị Hoa', '1990-02-01', 'female');
const hong = resident('031190004001', 'Lê Thị Hồng', '1990-04-01', 'female');
const binh = resident('031190003001', 'Phạm Thị Bình', '1990-03-01', 'female', { householdId: 'HK-3' });
const father = resident('031055003002', 'Phạm Văn Tư', '1955-03-02', 'male', { householdId: 'HK-3', status: 'deceased', dateOfDeath: '2024-11-02' });
const cuc = resident('031190005001', 'Đỗ Thị Cúc', '1990-06-01', 'female');
const dao = resident('031190006001', 'Vũ Thị Đào', '1990-06-02', 'female');
const mai = resident('031190007001', 'Hoàng Thị Mai', '1990-07-01', 'female', { spouseCitizenId: '031085007002' });
const hiddenHusband = resident('031085007002', 'Ngô Văn Hùng', '1985-07-02', 'male', { spouseCitizenId: mai.citizenId });
const thu = resident('031190008001', 'Bùi Thị Thu', '1990-08-01', 'female');
const notHusband = resident('031087008002', 'Đinh Văn Quang', '1987-08-02', 'male', { spouseCitizenId: '031190008999' });
const xuan = resident('031190009001', 'Cao Thị Xuân', '1990-09-01', 'female', { householdId: 'HK-9' });
const son = resident('031214009002', 'Cao Văn Phúc', '2014-09-02', 'male', { householdId: 'HK-99' });
const yen = resident('031190010001', 'Lý Thị Yến', '1990-10-01', 'female');

const PEOPLE = [lan, minh, an, hoa, hong, binh, father, cuc, dao, mai, hiddenHusband, thu, notHusband, xuan, son, yen];
const CERTIFICATES = [
  [hiddenHusband.citizenId, '31', '45/12', 'CS-700', '72.5', '2018-03-01'],
  [yen.citizenId, '31', '88/3', 'CS-1001', '60', '2020-01-15'],
  // Former Hải Dương (30): outside the pre-merger province of a Hải Phòng project (POLICY.md).
  [lan.citizenId, '30', '9/1', 'HD-55', '80', '2016-05-05'],
] as const;

const FILES = {
  clean: { applicant: declared(lan), household: [declared(minh, 'spouse'), declared(an, 'child')] },
  unknown: { applicant: declared(hoa), household: [{ citizenId: '031216002002', fullName: 'Lê Minh Khoa', dateOfBirth: '2016-02-02', relation: 'child' }] },
  nameMismatch: { applicant: { ...declared(hong), fullName: 'Lê Thị Hoa' }, household: [] },
  deceased: { applicant: declared(binh), household: [declared(father, 'parent')] },
  birthDate: { applicant: { ...declared(cuc), dateOfBirth: '1990-05-01' }, household: [] },
  gender: { applicant: { ...declared(dao), gender: 'male' }, household: [] },
  undeclaredSpouse: { applicant: declared(mai), household: [] },
  notSpouse: { applicant: declared(thu), household: [declared(notHusband, 'spouse')] },
  householdDiffers: { applicant: declared(xuan), household: [declared(son, 'child')] },
  housingOwned: { applicant: declared(yen), household: [] },
};
type FileName = keyof typeof FILES;

describe('police cross-check (POST /population/checks, GET /population/checks/:applicationId)', () => {
  let t: TestApp;
  const ids = {} as Record<FileName, string>;
  const catchUp = () => t.app.get(ProjectionsService).catchUpAll();
  const as = (role: Role, province = '31') => t.auth({ role, province: role === 'board' || role === 'police' ? province : undefined, subject: `${role}-${province}` });
  const check = (body: object, role: Role = 'police', province = '31') =>
    request(t.app.getHttpServer()).post('/api/v1/population/checks').set(as(role, province)).send(body);
  const results = (id: string, role: Role = 'police', province = '31') =>
    request(t.app.getHttpServer()).get(`/api/v1/population/checks/${id}`).set(as(role, province));
  const latest = async (name: FileName) => {
    const { checks } = bodyOf<PopulationChecksView>(await results(ids[name]).expect(200));
    return checks[checks.length - 1];
  };
  const openFindings = async (applicationId: string) => {
    const { rows } = await t.db.pool.query<{ details: { kind?: string }; summary: string; evidence: { eventId: string }[]; citizen_ids: string[] }>(
      `SELECT details, summary, evidence, citizen_ids FROM findings WHERE detector = 'registry-mismatch' AND status = 'open' AND summary ILIKE $1`,
      [`%hồ sơ ${applicationId}%`],
    );
    return rows;
  };

  beforeAll(async () => {
    t = await createTestApp();
    await registerProject(t, 'hp-trang-cat', '31');
    await registerProject(t, 'kh-cam-ranh', '56');
    await importRegistries(t.db.pool, PEOPLE, CERTIFICATES);
    for (const [name, file] of Object.entries(FILES) as [FileName, (typeof FILES)[FileName]][]) {
      ids[name] = await submitApplication(t, applicationBody('hp-trang-cat', { id: `hs-${name}`, ...file }));
    }
    await catchUp();
  });
  afterAll(() => t.close());

  describe('the sweep of a province', () => {
    it('checks every file awaiting a check and counts those with a mismatch', async () => {
      const res = await check({}).expect(202);
      expect(res.body).toEqual({ checked: 10, mismatches: 9 });
    });

    it('records one PopulationCheckRecorded per file, by the officer, citing both snapshots', async () => {
      const events = await t.store.readStream(`application-${ids.clean}`);
      expect(events.map((e) => e.type)).toEqual(['ApplicationSubmitted', 'PopulationCheckRecorded']);
      expect(events[1].metadata.actor).toEqual({ subject: 'police-31', role: 'police', province: '31' });
      expect(events[1].data.sources).toEqual({
        population: { kind: 'extract', snapshot: expect.stringMatching(/^population-extract-\d+$/) },
        land: { kind: 'extract', snapshot: expect.stringMatching(/^land-extract-\d+$/) },
      });
    });

    it('passes over files already checked: a second sweep checks nothing', async () => {
      await catchUp();
      expect((await check({}).expect(202)).body).toEqual({ checked: 0, mismatches: 0 });
    });
  });

  describe('what each check found', () => {
    it('a file matching the registry: every person a living, consistent match; a home in former Hải Dương does not count', async () => {
      const { persons } = await latest('clean');
      expect(persons.map((p) => [p.role, p.identity, p.alive, p.household, p.ownsHousingInProvince])).toEqual([
        ['applicant', 'match', true, 'consistent', false],
        ['spouse', 'match', true, 'consistent', false],
        ['child', 'match', true, 'consistent', false],
      ]);
      expect(persons[0].residenceProvince).toBe('31');
    });

    it.each([
      ['unknown', 1, { identity: 'unknown', alive: null, household: 'unknown' }],
      ['nameMismatch', 0, { identity: 'name-mismatch', identityReasons: ['họ tên đã khai "Lê Thị Hoa", cơ sở dữ liệu dân cư ghi "Lê Thị Hồng"'], identityReasonsEn: ['name declared "Lê Thị Hoa", registry "Lê Thị Hồng"'] }],
      ['deceased', 1, { identity: 'match', alive: false }],
      ['birthDate', 0, { identity: 'birth-date-mismatch' }],
      ['gender', 0, { identity: 'gender-mismatch' }],
      ['undeclaredSpouse', 0, { household: 'undeclared-spouse', undeclaredSpouseCitizenId: hiddenHusband.citizenId, undeclaredSpouseOwnsHousingInProvince: true }],
      ['notSpouse', 1, { household: 'declared-spouse-not-spouse' }],
      ['householdDiffers', 1, { household: 'household-differs' }],
      ['housingOwned', 0, { ownsHousingInProvince: true, housingCertificates: ['CS-1001'] }],
    ] as const)('%s: person %i reads %j', async (name, person, expected) => {
      const { persons } = await latest(name);
      expect(persons[person]).toMatchObject(expected);
    });
  });

  describe('findings (detector registry-mismatch)', () => {
    it.each([
      ['clean', []],
      ['unknown', ['unknown-person']],
      ['nameMismatch', ['identity-mismatch']],
      ['deceased', ['deceased']],
      ['birthDate', ['identity-mismatch']],
      ['gender', ['identity-mismatch']],
      ['undeclaredSpouse', ['housing-owned', 'undeclared-spouse']],
      ['notSpouse', ['household-differs']],
      ['householdDiffers', ['household-differs']],
      ['housingOwned', ['housing-owned']],
    ] as const)('%s raises %j with the check event as evidence', async (name, kinds) => {
      await catchUp();
      const found = await openFindings(ids[name]);
      expect(found.map((f) => f.details.kind).sort()).toEqual(kinds);
      const [checkEvent] = (await t.store.readStream(`application-${ids[name]}`)).filter((e) => e.type === 'PopulationCheckRecorded');
      for (const f of found) expect(f.evidence).toEqual([expect.objectContaining({ eventId: checkEvent.eventId })]);
    });

    it('an "eligible" decision after a failed check is a finding of its own, citing both events', async () => {
      await decideEligible(t, ids.undeclaredSpouse);
      await catchUp();
      const late = (await openFindings(ids.undeclaredSpouse)).find((f) => f.summary.includes('được xét đủ điều kiện sau'));
      expect(late?.evidence).toHaveLength(2);
    });
  });

  describe('checking named files again', () => {
    it('lets police recheck named files and a board trigger checks of its own', async () => {
      expect((await check({ applicationIds: [ids.clean, ids.housingOwned] }).expect(202)).body).toEqual({ checked: 2, mismatches: 1 });
      expect((await check({ applicationIds: [ids.gender] }, 'board').expect(202)).body).toEqual({ checked: 1, mismatches: 1 });
      const { checks } = bodyOf<PopulationChecksView>(await results(ids.clean).expect(200));
      expect(checks).toHaveLength(2);
    });

    it('answers a repeated request with the same Idempotency-Key from the first, writing nothing more', async () => {
      const send = () =>
        request(t.app.getHttpServer()).post('/api/v1/population/checks').set(as('police')).set('Idempotency-Key', 'recheck-hs-clean-1').send({ applicationIds: [ids.clean] });
      const first = await send().expect(202);
      const before = await eventCount(t);
      expect((await send().expect(202)).body).toEqual(first.body);
      expect(await eventCount(t)).toBe(before);
    });

    it('sweeps a file again once the registry changed and it was re-checked clean, closing its findings', async () => {
      await importRegistries(t.db.pool, PEOPLE.map((p) => (p === son ? { ...p, householdId: xuan.householdId } : p)), CERTIFICATES);
      expect((await check({ applicationIds: [ids.householdDiffers] }).expect(202)).body).toEqual({ checked: 1, mismatches: 0 });
      await catchUp();
      expect(await openFindings(ids.householdDiffers)).toEqual([]);
    });
  });

  describe('refusals write nothing', () => {
    it.each([
      ['an empty list', { applicationIds: [] }, 400, /applicationIds must contain at least 1 elements/],
      ['a repeated id', { applicationIds: ['hs-clean', 'hs-clean'] }, 400, /must not name an application twice/],
      ['a malformed id', { applicationIds: ['../x'] }, 400, /must be an application id/],
      ['an unknown field', { applicationIds: ['hs-clean'], province: '31' }, 400, /property province should not exist/],
      ['one unknown id among good ones', { applicationIds: ['hs-clean', 'hs-nobody'] }, 404, /hs-nobody/],
    ])('%s', async (_label, body, status, message) => {
      const before = await eventCount(t);
      const res = await check(body).expect(status);
      expect(JSON.stringify(errorOf(res).messageEn)).toMatch(message);
      expect(await eventCount(t)).toBe(before);
    });

    it('refuses a withdrawn file (409) and another province’s file (403), with nothing written', async () => {
      const other = await submitApplication(t, applicationBody('kh-cam-ranh', { applicant: declared(hoa) }), '56');
      const gone = await submitApplication(t, applicationBody('hp-trang-cat', { applicant: declared(cuc) }));
      await boardPost(t, `/applications/${gone}/withdrawal`, { reason: 'Rút hồ sơ' }).expect(201);
      const before = await eventCount(t);
      expect(errorOf(await check({ applicationIds: [ids.clean, gone] }).expect(409)).code).toBe('APPLICATION_WITHDRAWN');
      await check({ applicationIds: [ids.clean, other] }).expect(403);
      await check({ applicationIds: [ids.clean] }, 'board', '56').expect(403);
      expect(await eventCount(t)).toBe(before);
    });

    it('lets only police and boards check: 401 without a token, 403 for inspectors and admins', async () => {
      await request(t.app.getHttpServer()).post('/api/v1/population/checks').send({}).expect(401);
      await check({}, 'inspector').expect(403);
      await check({}, 'admin').expect(403);
    });
  });

  describe('reading results', () => {
    it('records every police read (who, which citizens, when) where inspectors can see it', async () => {
      const before = Date.now();
      await results(ids.undeclaredSpouse).expect(200);
      const day = new Date().toISOString().slice(0, 10);
      const res = await request(t.app.getHttpServer()).get(`/api/v1/streams/audit-reads-${day}/events`).set(as('inspector')).expect(200);
      const reads = bodyOf<{ events: { data: { actor: { role: string }; what: { endpoint: string; citizenIds: string[] }; at: string } }[] }>(res).events
        .map((e) => e.data)
        .filter((d) => d.actor.role === 'police' && d.what.endpoint === 'GET /api/v1/population/checks/:applicationId');
      const last = reads[reads.length - 1];
      expect(last.what.citizenIds).toEqual([mai.citizenId, hiddenHusband.citizenId].sort());
      expect(Date.parse(last.at)).toBeGreaterThanOrEqual(before - 1000);
    });

    it('records a new check’s reasons in English with the Vietnamese beside them', async () => {
      const [recorded] = (await t.store.readStream(`application-${ids.nameMismatch}`)).filter((e) => e.type === 'PopulationCheckRecorded');
      expect((recorded.data as PopulationCheckRecorded['data']).persons[0]).toMatchObject({
        identityReasons: ['name declared "Lê Thị Hoa", registry "Lê Thị Hồng"'],
        identityReasonsVi: ['họ tên đã khai "Lê Thị Hoa", cơ sở dữ liệu dân cư ghi "Lê Thị Hồng"'],
      });
    });

    it('reads a check recorded with English reasons only (before the Vietnamese was kept) in Vietnamese, the English beside them', async () => {
      const stream = `application-${ids.unknown}`;
      const [recorded] = (await t.store.readStream(stream)).filter((e) => e.type === 'PopulationCheckRecorded');
      const data = recorded.data as PopulationCheckRecorded['data'];
      const englishOnly = { ...data, persons: data.persons.map(({ identityReasonsVi: _vi, ...p }) => ({ ...p, identityReasons: ['born 2016-02-02 declared, 2016-02-20 in the registry', ...p.identityReasons] })) };
      await t.store.append(stream, [{ type: 'PopulationCheckRecorded', data: englishOnly }], { expectedRevision: 'any', actor: { subject: 'police-31', role: 'police', province: '31' } });
      const { persons } = await latest('unknown');
      expect(persons.map((p) => [p.identityReasons, p.identityReasonsEn])).toEqual([
        [['ngày sinh đã khai 2016-02-02, cơ sở dữ liệu dân cư ghi 2016-02-20'], ['born 2016-02-02 declared, 2016-02-20 in the registry']],
        [['ngày sinh đã khai 2016-02-02, cơ sở dữ liệu dân cư ghi 2016-02-20', 'không có trong cơ sở dữ liệu dân cư'], ['born 2016-02-02 declared, 2016-02-20 in the registry', 'not in the population registry']],
      ]);
      expect(persons.every((p) => !('identityReasonsVi' in p))).toBe(true);
    });

    it('answers 404 for an unknown file and 403 for another province’s police', async () => {
      expect(errorOf(await results('hs-nobody').expect(404)).code).toBe('APPLICATION_NOT_FOUND');
      await results(ids.clean, 'police', '56').expect(403);
    });
  });
});

describe('police cross-check without a population extract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('refuses with 409 NO_POPULATION_SNAPSHOT rather than call everyone unknown, writing nothing', async () => {
    await registerProject(t, 'hp-trang-cat', '31');
    const id = await submitApplication(t, applicationBody('hp-trang-cat'));
    const before = await eventCount(t);
    const res = await request(t.app.getHttpServer())
      .post('/api/v1/population/checks')
      .set(t.auth({ role: 'police', province: '31' }))
      .send({ applicationIds: [id] })
      .expect(409);
    expect(errorOf(res).code).toBe('NO_POPULATION_SNAPSHOT');
    expect(await eventCount(t)).toBe(before);
  });
});

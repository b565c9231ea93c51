import type { HouseholdMember, Person } from '../../src/applications/domain/application.events';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

describe('detector: identity-conflict', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const apply = (id: string, applicant: Person, household: HouseholdMember[] = []) =>
    h.write(`application-${id}`, [submitted(applicant, { applicationId: id, household })]);
  const findingsOf = async (rule: string) => (await h.findings('identity-conflict')).filter((f) => f.details.rule === rule);

  const duc = person('031088000704', 'Trần Văn Đức', '1988-01-01', 'male');
  const van = person('031185000705', 'Phan Thị Vân', '1985-02-02', 'female');

  it('raises a finding for the same name (without diacritics, case or extra spaces) and birth date under two citizen ids', async () => {
    const [first] = await apply('i3-hong-1', person('031192000701', 'Nguyễn Thị Hồng', '1992-05-06', 'female'));
    const [second] = await apply('i3-hong-2', person('031192000702', '  NGUYEN  THI HONG ', '1992-05-06', 'female'));
    await h.project();
    const [finding] = await findingsOf('same-identity');
    expect(finding).toMatchObject({ status: 'open', severity: 'medium', citizen_ids: ['031192000701', '031192000702'], first_seen_event_id: second });
    expect(finding.evidence).toEqual([{ eventId: first, stream: 'application-i3-hong-1' }, { eventId: second, stream: 'application-i3-hong-2' }]);
    expect(finding.summary).toBe(
      'Số CCCD 031192000701 ("Nguyễn Thị Hồng") và 031192000702 ("NGUYEN  THI HONG") được khai cùng họ tên và ngày sinh (1992-05-06): có thể là một người dùng hai số CCCD.',
    );
  });

  it('does not flag the same name with another birth date', async () => {
    await apply('i3-hong-3', person('031192000703', 'Nguyễn Thị Hồng', '1992-05-07', 'female'));
    await h.project();
    expect((await h.findings('identity-conflict')).filter((f) => f.citizen_ids.includes('031192000703'))).toEqual([]);
  });

  it('raises a high finding for one citizen id declared under two names, with both declarations as evidence', async () => {
    const [own] = await apply('i3-duc', duc);
    const [spouseFile] = await apply('i3-van', van, [{ ...duc, fullName: 'Trần Văn Phúc', relation: 'spouse' }]);
    await h.project();
    const [finding] = await findingsOf('declarations');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', citizen_ids: ['031088000704'], first_seen_event_id: spouseFile });
    expect(finding.evidence).toEqual([{ eventId: own, stream: 'application-i3-duc' }, { eventId: spouseFile, stream: 'application-i3-van' }]);
    expect(finding.summary).toContain('"Trần Văn Đức" sinh 1988-01-01 (hồ sơ i3-duc), "Trần Văn Phúc" sinh 1988-01-01 (hồ sơ i3-van)');
  });

  it('closes it, naming the amendment, when the household is corrected (Đ and D are one letter)', async () => {
    const [amendment] = await h.write('application-i3-van', [{
      type: 'ApplicationAmended',
      data: { applicationId: 'i3-van', changes: { household: [{ ...duc, fullName: 'TRAN VAN DUC', relation: 'spouse' }] }, reason: 'Sửa tên', amendedAt: '2026-03-04' },
    }]);
    await h.project();
    const [finding] = await findingsOf('declarations');
    expect(finding).toMatchObject({ status: 'closed', closed_by_event_id: amendment });
  });

  it('closes a same-identity finding when an amendment drops the member who carried the other id', async () => {
    await apply('i3-oanh', person('031170000801', 'Hà Thị Oanh', '1970-01-01', 'female'));
    const quang = person('031095000802', 'Hà Văn Quang', '1995-06-06', 'male');
    await apply('i3-quang', quang, [{ ...person('031170000899', 'HA THI OANH', '1970-01-01', 'female'), relation: 'parent' }]);
    await h.project();
    const raised = (await findingsOf('same-identity')).find((f) => f.citizen_ids.includes('031170000801'));
    expect(raised).toMatchObject({ status: 'open', citizen_ids: ['031170000801', '031170000899'] });
    const [amendment] = await h.write('application-i3-quang', [{
      type: 'ApplicationAmended', data: { applicationId: 'i3-quang', changes: { household: [] }, reason: 'Khai nhầm', amendedAt: '2026-03-04' },
    }]);
    await h.project();
    expect((await findingsOf('same-identity')).find((f) => f.id === raised?.id)).toMatchObject({ status: 'closed', closed_by_event_id: amendment });
  });

  it('raises a finding when the id\'s digits contradict the declared birth year and gender, and none for ids that agree', async () => {
    const [file] = await apply('i3-nam', person('031090000706', 'Bùi Văn Nam', '1991-03-03', 'female'));
    await h.project();
    const findings = await findingsOf('id-digits');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', citizen_ids: ['031090000706'], evidence: [{ eventId: file, stream: 'application-i3-nam' }] });
    expect(findings[0].summary).toBe(
      'Các chữ số của số CCCD 031090000706 mâu thuẫn với thông tin đã khai: số CCCD ghi năm sinh 1990, đã khai 1991; số CCCD ghi giới tính nam, đã khai nữ.',
    );
  });

  describe('declarations alike but not equal (a clerk\'s typo, a swapped day and month, a dropped middle name)', () => {
    const pairOf = async (a: string, b: string) =>
      (await h.findings('identity-conflict')).filter((f) => f.status === 'open' && f.citizen_ids.includes(a) && f.citizen_ids.includes(b));

    it('finds Nguyễn Văn Hưng typed for Hùng: one identity once diacritics are gone', async () => {
      await apply('i3f-hung-1', person('031091000901', 'Nguyễn Văn Hùng', '1991-03-05', 'male'));
      await apply('i3f-hung-2', person('031091000902', 'Nguyễn Văn Hưng', '1991-03-05', 'male'));
      await h.project();
      expect((await pairOf('031091000901', '031091000902')).map((f) => f.details.rule)).toEqual(['same-identity']);
    });

    it('finds a typo in the given name, showing the score and each component', async () => {
      const [first] = await apply('i3f-tuan-1', person('031088000911', 'Lê Minh Tuấn', '1988-06-14', 'male'));
      const [second] = await apply('i3f-tuan-2', person('031088000957', 'Le Minh Tuna', '1988-06-14', 'male'));
      await h.project();
      const [finding] = await pairOf('031088000911', '031088000957');
      expect(finding).toMatchObject({ status: 'open', severity: 'medium', citizen_ids: ['031088000911', '031088000957'], first_seen_event_id: second });
      expect(finding.evidence).toEqual([{ eventId: first, stream: 'application-i3f-tuan-1' }, { eventId: second, stream: 'application-i3f-tuan-2' }]);
      expect(finding.details).toMatchObject({ rule: 'similar-identity', threshold: 0.85, components: { birthDate: 1, gender: 1, idDigits: 0.8, household: 0 } });
      expect(finding.details.score).toBeGreaterThanOrEqual(0.85);
      expect(finding.summary).toContain('"Lê Minh Tuấn", sinh 1988-06-14) và 031088000957 ("Le Minh Tuna", sinh 1988-06-14) được khai gần giống nhau (điểm');
    });

    it('finds a swapped day and month, and a dropped middle name in a household', async () => {
      await apply('i3f-mai-1', person('031185000921', 'Phạm Thị Mai', '1985-04-09', 'female'));
      await apply('i3f-mai-2', person('031185000922', 'Phạm Thị Mai', '1985-09-04', 'female'));
      await apply('i3f-son-1', person('031079000931', 'Đỗ Văn Sơn', '1979-11-20', 'male'));
      await apply('i3f-son-2', person('031180000939', 'Vũ Thị Hoa', '1980-01-01', 'female'), [{ ...person('031079000932', 'Đỗ Sơn', '1979-11-20', 'male'), relation: 'spouse' }]);
      await h.project();
      expect((await pairOf('031185000921', '031185000922'))[0].details).toMatchObject({ rule: 'similar-identity', components: { birthDate: 0.9 } });
      expect((await pairOf('031079000931', '031079000932'))[0].details).toMatchObject({ rule: 'similar-identity', components: { name: 0.95, birthDate: 1 } });
    });

    it('leaves look-alikes alone: a namesake born another day, another common name born the same day, another middle name', async () => {
      await apply('i3f-la-1', person('031090000941', 'Trần Văn Long', '1990-02-17', 'male'));
      await apply('i3f-la-2', person('031090000942', 'Trần Văn Long', '1990-08-23', 'male'));
      await apply('i3f-la-3', person('031090000943', 'Trần Văn Lâm', '1990-02-17', 'male'));
      await apply('i3f-la-4', person('031090000944', 'Trần Quốc Long', '1990-02-17', 'male'));
      await h.project();
      const ids = ['031090000941', '031090000942', '031090000943', '031090000944'];
      expect((await h.findings('identity-conflict')).filter((f) => f.citizen_ids.some((id) => ids.includes(id)))).toEqual([]);
    });
  });

  it('gives the same findings, ids and positions after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

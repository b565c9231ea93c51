import { board, LedgerHarness, person, submitted } from '../support/ledger-harness';

describe('detector: duplicate-applicant', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');

  it('raises a finding for one citizen id in live applications of two provinces, with both files as evidence', async () => {
    const [hp] = await h.write('application-dup-hp', [submitted(lan, { applicationId: 'dup-hp', projectId: 'hp-1', provinceCode: '31' })]);
    const [kh] = await h.write('application-dup-kh', [submitted(lan, { applicationId: 'dup-kh', projectId: 'kh-1', provinceCode: '56' })], board('56'));
    await h.project();
    const [finding] = await h.findings('duplicate-applicant');
    expect(finding).toMatchObject({ status: 'open', severity: 'medium', citizen_ids: ['031190001234'], first_seen_event_id: kh });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([hp, kh]);
    expect(finding.details).toMatchObject({ provinces: ['31', '56'] });
  });

  it('closes the finding, naming the withdrawal, when the duplicate is withdrawn before any benefit', async () => {
    const [withdrawal] = await h.write('application-dup-kh', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'dup-kh', reason: 'Rút', withdrawnAt: '2026-04-01' } }], board('56'));
    await h.project();
    const [finding] = await h.findings('duplicate-applicant');
    expect(finding).toMatchObject({ status: 'closed', closed_by_event_id: withdrawal });
  });

  it('does not flag one live application and one withdrawn, nor two people with the same name', async () => {
    const other = person('031190009999', 'Nguyễn Thị Lan', '1990-04-12', 'female');
    await h.write('application-namesake', [submitted(other, { applicationId: 'namesake' })]);
    await h.project();
    expect((await h.findings('duplicate-applicant')).filter((f) => f.status === 'open')).toEqual([]);
  });

  it('treats a pre-2025 province (Hải Dương, 30) and its successor (Hải Phòng, 31) as one', async () => {
    const minh = person('030085000111', 'Trần Văn Minh', '1985-02-03', 'male');
    await h.write('application-hd', [submitted(minh, { applicationId: 'hd-1', projectId: 'hd-old', provinceCode: '30' })], board('30'));
    await h.write('application-hp2', [submitted(minh, { applicationId: 'hp-2', projectId: 'hp-1', provinceCode: '31' })]);
    await h.project();
    const finding = (await h.findings('duplicate-applicant')).find((f) => f.citizen_ids[0] === '030085000111');
    expect(finding?.details).toMatchObject({ provinces: ['31'] });
  });

  it('gives the same findings, ids and positions after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

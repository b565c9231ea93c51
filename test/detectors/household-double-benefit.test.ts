import type { HouseholdMember, Person } from '../../src/applications/domain/application.events';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

describe('detector: household-double-benefit', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const member = (p: Person, relation: HouseholdMember['relation']): HouseholdMember => ({ ...p, relation });
  const apply = (id: string, applicant: Person, household: HouseholdMember[] = []) =>
    h.write(`application-${id}`, [submitted(applicant, { applicationId: id, household })]);
  const refuse = (id: string) =>
    h.write(`application-${id}`, [{
      type: 'EligibilityDecided',
      data: { applicationId: id, outcome: 'ineligible', decisionNo: `QD-${id}`, decidedBy: 'Sở Xây dựng', decidedAt: '2026-03-10', reasons: ['income'],
        justification: null, policyVersion: 'vn-2025-10', policyOutcome: 'ineligible', policyReasons: ['income'] },
    }]);
  const withdraw = (id: string) =>
    h.write(`application-${id}`, [{ type: 'ApplicationWithdrawn', data: { applicationId: id, reason: 'Rút hồ sơ', withdrawnAt: '2026-03-05' } }]);
  /** The benefit as the allocation grants it: the file's mirror, then the citizen's claim. */
  const benefit = async (applicationId: string, citizenId: string, unitNo: string): Promise<string> => {
    const allocationId = `hp-1.${unitNo}.r1`;
    await h.write(`application-${applicationId}`, [{
      type: 'UnitAllocated', data: { applicationId, allocationId, projectId: 'hp-1', unitNo, allocatedAt: '2026-04-01T03:00:00.000Z' },
    }]);
    const [claimed] = await h.write(`person-${citizenId}`, [{
      type: 'BenefitClaimed',
      data: { citizenId, claimId: allocationId, applicationId, projectId: 'hp-1', unitNo, provinceCode: '31', tenure: 'sale', claimedAt: '2026-04-01T03:00:00.000Z' },
    }]);
    return claimed;
  };
  const findingOf = async (a: string, b: string) =>
    (await h.findings('household-double-benefit')).find((f) => f.citizen_ids.join('|') === [a, b].sort().join('|'));

  const binh = person('031088000201', 'Phạm Văn Bình', '1988-02-01', 'male');
  const suong = person('031190000202', 'Đỗ Thị Sương', '1990-05-06', 'female');

  it('raises a medium finding when the spouse declared in a beneficiary\'s file applies, with the claim and both files as evidence', async () => {
    const [binhFile] = await apply('h2-binh', binh, [member(suong, 'spouse')]);
    const claim = await benefit('h2-binh', binh.citizenId, 'B101');
    const [suongFile] = await apply('h2-suong', suong);
    await h.project();
    const finding = await findingOf(binh.citizenId, suong.citizenId);
    expect(finding).toMatchObject({ status: 'open', severity: 'medium', province_code: '31', citizen_ids: ['031088000201', '031190000202'], first_seen_event_id: suongFile });
    expect(finding?.evidence).toEqual([
      { eventId: claim, stream: 'person-031088000201' },
      { eventId: binhFile, stream: 'application-h2-binh' },
      { eventId: suongFile, stream: 'application-h2-suong' },
    ]);
    expect(finding?.details).toMatchObject({ beneficiary: '031088000201', member: '031190000202' });
    expect(finding?.summary).toContain('031190000202 được khai là vợ/chồng của 031088000201 trong hồ sơ h2-binh');
  });

  it('closes the finding, naming the decision, when the spouse\'s application is refused', async () => {
    const [refusal] = await refuse('h2-suong');
    await h.project();
    expect(await findingOf(binh.citizenId, suong.citizenId)).toMatchObject({ status: 'closed', closed_by_event_id: refusal });
  });

  it('raises a high finding when a household member of a beneficiary also benefits', async () => {
    const father = person('031075000301', 'Vũ Văn Cường', '1975-09-09', 'male');
    const daughter = person('031300000302', 'Vũ Thị Dung', '2000-01-15', 'female');
    const [fatherFile] = await apply('h2-father', father, [member(daughter, 'child')]);
    const fatherClaim = await benefit('h2-father', father.citizenId, 'B102');
    const [daughterFile] = await apply('h2-daughter', daughter);
    const daughterClaim = await benefit('h2-daughter', daughter.citizenId, 'B103');
    await h.project();
    const finding = await findingOf(father.citizenId, daughter.citizenId);
    // One finding for the pair: raised (medium) by her application, raised to high by her benefit.
    expect(finding).toMatchObject({ status: 'open', severity: 'high', first_seen_event_id: daughterFile });
    expect(finding?.evidence).toEqual([
      { eventId: fatherClaim, stream: 'person-031075000301' },
      { eventId: fatherFile, stream: 'application-h2-father' },
      { eventId: daughterClaim, stream: 'person-031300000302' },
    ]);
    expect(finding?.summary).toContain('cũng đang hưởng một suất (căn B103 của dự án hp-1)');
  });

  it('raises when the applicant declares as spouse someone who already benefits', async () => {
    const giang = person('031086000601', 'Ngô Văn Giang', '1986-03-03', 'male');
    const hoa = person('031187000602', 'Lý Thị Hoa', '1987-04-04', 'female');
    await apply('h2-giang', giang);
    const claim = await benefit('h2-giang', giang.citizenId, 'B104');
    const [hoaFile] = await apply('h2-hoa', hoa, [member(giang, 'spouse')]);
    await h.project();
    const finding = await findingOf(giang.citizenId, hoa.citizenId);
    expect(finding?.evidence).toEqual([{ eventId: claim, stream: 'person-031086000601' }, { eventId: hoaFile, stream: 'application-h2-hoa' }]);
    expect(finding?.summary).toContain('031086000601 được khai là vợ/chồng của 031187000602');
  });

  it('closes that finding, naming the amendment, when the applicant removes the beneficiary from the declared household', async () => {
    const [amendment] = await h.write('application-h2-hoa', [{
      type: 'ApplicationAmended', data: { applicationId: 'h2-hoa', changes: { household: [] }, reason: 'Đã ly hôn', amendedAt: '2026-04-10' },
    }]);
    await h.project();
    expect(await findingOf('031086000601', '031187000602')).toMatchObject({ status: 'closed', closed_by_event_id: amendment });
  });

  it('does not flag a spouse who applied but withdrew, or was refused, before any benefit', async () => {
    const chi = person('031080000401', 'Trịnh Văn Chí', '1980-06-06', 'male');
    const dao = person('031182000402', 'Mai Thị Đào', '1982-07-07', 'female');
    await apply('h2-chi', chi, [member(dao, 'spouse')]);
    await apply('h2-dao', dao);
    await withdraw('h2-dao');
    await benefit('h2-chi', chi.citizenId, 'B105');
    const khanh = person('031081000403', 'Hồ Văn Khánh', '1981-08-08', 'male');
    const lien = person('031183000404', 'Tạ Thị Liên', '1983-09-09', 'female');
    await apply('h2-khanh', khanh, [member(lien, 'spouse')]);
    await apply('h2-lien', lien);
    await refuse('h2-lien');
    await benefit('h2-khanh', khanh.citizenId, 'B106');
    await h.project();
    expect(await findingOf(chi.citizenId, dao.citizenId)).toBeUndefined();
    expect(await findingOf(khanh.citizenId, lien.citizenId)).toBeUndefined();
  });

  it('does not link a beneficiary to an applicant through a withdrawn file that declared them together', async () => {
    const phuc = person('031070000501', 'Đinh Văn Phúc', '1970-10-10', 'male');
    const mai = person('031172000502', 'Lâm Thị Mai', '1972-11-11', 'female');
    await apply('h2-phuc-1', phuc, [member(mai, 'spouse')]);
    await withdraw('h2-phuc-1');
    await apply('h2-phuc-2', phuc);
    await apply('h2-mai', mai);
    await benefit('h2-mai', mai.citizenId, 'B107');
    await h.project();
    expect(await findingOf(phuc.citizenId, mai.citizenId)).toBeUndefined();
  });

  it('gives the same findings, ids and positions after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

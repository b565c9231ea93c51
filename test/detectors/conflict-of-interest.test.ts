import type { EligibilityDecided } from '../../src/applications/domain/application.events';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

const decision = (applicationId: string, decidedBy: string): EligibilityDecided => ({
  type: 'EligibilityDecided',
  data: {
    applicationId, outcome: 'eligible', decisionNo: 'QĐ-9', decidedBy, decidedAt: '2026-04-10', reasons: [], justification: null,
    policyVersion: 'vn-decree-136-2026', policyOutcome: 'eligible', policyReasons: [],
  },
});

describe('detector: conflict-of-interest', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');
  const of = async (id: string) => (await h.findings('conflict-of-interest')).filter((f) => f.summary.includes(id));

  it('raises when one officer both received and decided a file, whatever the spelling of the name', async () => {
    const [received] = await h.write('application-coi-1', [submitted(lan, { applicationId: 'coi-1', receivedBy: 'Phạm Thu Hà' })]);
    const [decided] = await h.write('application-coi-1', [decision('coi-1', 'PHAM THU HA, Trưởng phòng Quản lý nhà')]);
    await h.project();
    const [finding] = await of('coi-1');
    expect(finding).toMatchObject({ status: 'open', severity: 'medium' });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([received, decided]);
  });

  it('raises when the deciding officer bears the name of a household member', async () => {
    const household = [{ ...person('031060007777', 'Trần Văn Đức', '1960-01-01', 'male'), relation: 'parent' as const }];
    await h.write('application-coi-2', [submitted(lan, { applicationId: 'coi-2', household }), decision('coi-2', 'Tran Van Duc')]);
    await h.project();
    expect((await of('coi-2')).map((f) => [f.severity, f.citizen_ids])).toEqual([['high', ['031190001234', '031060007777']]]);
  });

  it('does not flag a file received by one officer and decided by another', async () => {
    await h.write('application-coi-3', [submitted(lan, { applicationId: 'coi-3', receivedBy: 'Phạm Thu Hà' }), decision('coi-3', 'Nguyễn Văn An')]);
    await h.project();
    expect(await of('coi-3')).toEqual([]);
  });

  it('closes when a new decision is taken by another officer', async () => {
    const [redecided] = await h.write('application-coi-1', [decision('coi-1', 'Nguyễn Văn An')]);
    await h.project();
    expect((await of('coi-1')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', redecided]]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(2);
    expect(await h.findings()).toEqual(before);
  });
});

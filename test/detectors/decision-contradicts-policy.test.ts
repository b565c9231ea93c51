import type { EligibilityDecided } from '../../src/applications/domain/application.events';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

type Outcome = 'eligible' | 'ineligible';
const INCOME_REASON = 'Thu nhập bình quân 28.000.000 đồng/tháng vượt mức 25.000.000 đồng (Nghị định 136/2026)';

const decided = (applicationId: string, outcome: Outcome, policyOutcome: Outcome, o: { justification?: string | null; decisionNo?: string } = {}): EligibilityDecided => ({
  type: 'EligibilityDecided',
  data: {
    applicationId, outcome, decisionNo: o.decisionNo ?? 'QĐ-101/2026', decidedBy: 'Nguyễn Văn An', decidedAt: '2026-05-04',
    reasons: outcome === 'eligible' ? ['Hoàn cảnh đặc biệt khó khăn'] : [], justification: o.justification ?? null,
    policyVersion: 'vn-decree-136-2026', policyOutcome, policyReasons: policyOutcome === 'ineligible' ? [INCOME_REASON] : [],
  },
});

describe('detector: decision-contradicts-policy', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const lan = person('031190001234', 'Nguyễn Thị Lan', '1990-04-12', 'female');
  const of = async (applicationId: string) => (await h.findings('decision-contradicts-policy')).filter((f) => f.summary.includes(` ${applicationId} `));

  it('raises every "eligible" decision the policy in force says is "ineligible", showing the board’s justification', async () => {
    const [filed, decision] = await h.write('application-ovr-1', [
      submitted(lan, { applicationId: 'ovr-1', monthlyIncomeVnd: 28_000_000 }),
      decided('ovr-1', 'eligible', 'ineligible', { justification: 'Chồng mất tháng 4/2026, thu nhập thực tế giảm một nửa' }),
    ]);
    await h.project();
    const [finding] = await of('ovr-1');
    expect(finding).toMatchObject({ status: 'open', severity: 'medium', province_code: '31', citizen_ids: ['031190001234'], first_seen_event_id: decision });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([filed, decision]);
    expect(finding.details).toMatchObject({
      decisionNo: 'QĐ-101/2026', policyVersion: 'vn-decree-136-2026', policyReasons: [INCOME_REASON],
      justification: 'Chồng mất tháng 4/2026, thu nhập thực tế giảm một nửa',
    });
    expect(finding.summary).toContain('Chồng mất tháng 4/2026');
  });

  it('rates an override with no justification high', async () => {
    await h.write('application-ovr-2', [submitted(lan, { applicationId: 'ovr-2' }), decided('ovr-2', 'eligible', 'ineligible', { justification: '  ' })]);
    await h.project();
    expect((await of('ovr-2')).map((f) => [f.severity, f.details.justification])).toEqual([['high', null]]);
  });

  it('does not flag a decision that agrees with the policy, nor an "ineligible" one where the policy says "eligible" (not an override of this kind)', async () => {
    await h.write('application-ovr-3', [submitted(lan, { applicationId: 'ovr-3' }), decided('ovr-3', 'eligible', 'eligible')]);
    await h.write('application-ovr-4', [submitted(lan, { applicationId: 'ovr-4' }), decided('ovr-4', 'ineligible', 'eligible')]);
    await h.write('application-ovr-5', [submitted(lan, { applicationId: 'ovr-5' }), decided('ovr-5', 'ineligible', 'ineligible')]);
    await h.project();
    expect([...(await of('ovr-3')), ...(await of('ovr-4')), ...(await of('ovr-5'))]).toEqual([]);
  });

  it('keeps the finding open when the file is amended: the override was made', async () => {
    await h.write('application-ovr-2', [{ type: 'ApplicationAmended', data: { applicationId: 'ovr-2', changes: { monthlyIncomeVnd: 24_000_000 }, reason: null, amendedAt: '2026-05-20' } }]);
    await h.project();
    expect((await of('ovr-2')).map((f) => f.status)).toEqual(['open']);
  });

  it('closes when a later decision on the file agrees with the policy, naming that decision', async () => {
    const [agreeing] = await h.write('application-ovr-2', [decided('ovr-2', 'eligible', 'eligible', { decisionNo: 'QĐ-140/2026' })]);
    await h.project();
    expect((await of('ovr-2')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', agreeing]]);
  });

  it('closes when a later decision is "ineligible", and reopens on a new override', async () => {
    const [refusal] = await h.write('application-ovr-1', [decided('ovr-1', 'ineligible', 'ineligible', { decisionNo: 'QĐ-150/2026' })]);
    await h.project();
    expect((await of('ovr-1')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', refusal]]);
    await h.write('application-ovr-1', [decided('ovr-1', 'eligible', 'ineligible', { decisionNo: 'QĐ-160/2026', justification: 'Xét lại theo khiếu nại' })]);
    await h.project();
    expect((await of('ovr-1')).map((f) => [f.status, f.details.decisionNo])).toEqual([['open', 'QĐ-160/2026']]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

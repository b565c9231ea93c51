import { expect } from '@jest/globals';
import { MAX_RECORDING_LAG_DAYS } from '../../projections/detectors/backdating.detector';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The Vietnamese (UTC+7) calendar day `n` days before now: events are recorded now. */
const daysAgo = (n: number) => new Date(Date.now() + 7 * 60 * 60 * 1000 - n * DAY_MS).toISOString().slice(0, 10);

describe('detector: backdating', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const apply = (id: string, submittedAt: string) =>
    h.write(`application-${id}`, [submitted(person('031085001100', 'Lê Văn Tâm', '1985-07-01', 'male'), { applicationId: id, submittedAt })]);
  const decide = (id: string, decidedAt: string, decisionNo = `QD-${id}`) =>
    h.write(`application-${id}`, [{
      type: 'EligibilityDecided',
      data: { applicationId: id, outcome: 'eligible', decisionNo, decidedBy: 'Sở Xây dựng', decidedAt, reasons: [], justification: null,
        policyVersion: 'vn-2025-10', policyOutcome: 'eligible', policyReasons: [] },
    }]);
  const allocate = (unitNo: string, applicationId: string, decidedAt: string) =>
    h.write(`unit-p11.${unitNo}`, [{
      type: 'UnitAllocated',
      data: { allocationId: `p11.${unitNo}.r1`, projectId: 'p11', unitNo, applicationId, citizenId: '031085001100', eligibilityDecisionNo: `QD-${applicationId}`,
        decisionNo: `PB-${unitNo}`, decidedBy: 'Giám đốc Sở', decidedAt, allocatedAt: new Date().toISOString() },
    }]);
  /** The findings on a file's eligibility decisions (their evidence lies in the file's stream). */
  const findingsOf = async (applicationId: string) =>
    (await h.findings('backdating')).filter((f) => f.evidence.some((e) => e.stream === `application-${applicationId}`));

  it('raises a high finding for a decision dated before its application, with both events as evidence', async () => {
    const [file] = await apply('b11-early', daysAgo(5));
    const [decision] = await decide('b11-early', daysAgo(7));
    await h.project();
    const findings = await findingsOf('b11-early');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ status: 'open', severity: 'high', province_code: '31', citizen_ids: ['031085001100'], first_seen_event_id: decision });
    expect(findings[0].evidence).toEqual([{ eventId: file, stream: 'application-b11-early' }, { eventId: decision, stream: 'application-b11-early' }]);
    expect(findings[0].details).toMatchObject({ rule: 'dated-before-application', decidedAt: daysAgo(7), submittedAt: daysAgo(5) });
  });

  it('compares days when either date has no time: a decision dated the day of a submission made that morning is not before it', async () => {
    const morning = new Date(Date.now() - 3 * DAY_MS).toISOString();
    await apply('b11-sameday', morning);
    await decide('b11-sameday', new Date(Date.parse(morning) + 7 * 60 * 60 * 1000).toISOString().slice(0, 10));
    await h.project();
    expect(await findingsOf('b11-sameday')).toEqual([]);
  });

  it('a file migrated from a paper register (--historical): its decisions from before the migration raise nothing; a later one is judged, and a normal file still is', async () => {
    const migrated = (id: string, submittedAt: string) =>
      h.write(`application-${id}`, [submitted(person('031085001100', 'Lê Văn Tâm', '1985-07-01', 'male'), { applicationId: id, submittedAt, migratedFrom: 'Sổ đăng ký NOXH 2024' })]);
    await migrated('b11-paper', '2024-03-01');
    await decide('b11-paper', '2024-05-20');
    await apply('b11-normal', '2024-03-01');
    await decide('b11-normal', '2024-05-20');
    await h.project();
    expect(await findingsOf('b11-paper')).toEqual([]);
    expect(await findingsOf('b11-normal')).toEqual([expect.objectContaining({ details: expect.objectContaining({ rule: 'recorded-late' }) })]);
    await migrated('b11-paper-early', '2024-03-01');
    await decide('b11-paper-early', '2024-02-01');
    await h.project();
    expect(await findingsOf('b11-paper-early')).toEqual([expect.objectContaining({ details: expect.objectContaining({ rule: 'dated-before-application' }) })]);
  });

  it(`raises a medium finding for a decision recorded ${MAX_RECORDING_LAG_DAYS + 1} days after its stated date`, async () => {
    await apply('b11-late', daysAgo(90));
    const [decision] = await decide('b11-late', daysAgo(31));
    await h.project();
    const findings = await findingsOf('b11-late');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'medium', details: { rule: 'recorded-late', lagDays: 31, maxLagDays: 30 } });
    expect(findings[0].evidence).toEqual([{ eventId: decision, stream: 'application-b11-late' }]);
  });

  it('does not flag decisions recorded 29 or 30 days after their stated date', async () => {
    await apply('b11-29', daysAgo(90));
    await decide('b11-29', daysAgo(29));
    await apply('b11-30', daysAgo(90));
    await decide('b11-30', daysAgo(30));
    await h.project();
    expect(await findingsOf('b11-29')).toEqual([]);
    expect(await findingsOf('b11-30')).toEqual([]);
  });

  it('raises for an allocation recorded long after its stated date, and for one dated before its application', async () => {
    await apply('b11-alloc', daysAgo(90));
    await decide('b11-alloc', daysAgo(20));
    const [late] = await allocate('U1', 'b11-alloc', daysAgo(45));
    const [file] = await apply('b11-alloc-early', daysAgo(5));
    const [early] = await allocate('U2', 'b11-alloc-early', daysAgo(8));
    await h.project();
    const findings = await h.findings('backdating');
    expect(findings.find((f) => f.first_seen_event_id === late)).toMatchObject({
      severity: 'medium',
      evidence: [{ eventId: late, stream: 'unit-p11.U1' }],
      details: { rule: 'recorded-late', kind: 'allocation', allocationId: 'p11.U1.r1', lagDays: 45 },
    });
    expect(findings.find((f) => f.first_seen_event_id === early)).toMatchObject({
      severity: 'high',
      evidence: [{ eventId: file, stream: 'application-b11-alloc-early' }, { eventId: early, stream: 'unit-p11.U2' }],
      details: { rule: 'dated-before-application', kind: 'allocation' },
    });
  });

  it('keeps a backdating finding open after a later, properly dated decision: the backdated record stays in the ledger', async () => {
    await decide('b11-late', daysAgo(1), 'QD-b11-late-2');
    await h.project();
    const findings = await findingsOf('b11-late');
    expect(findings).toHaveLength(1);
    expect(findings[0].status).toBe('open');
  });

  it('gives the same findings, ids and positions after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

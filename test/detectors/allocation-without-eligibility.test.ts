import { LedgerHarness, person, submitted } from '../support/ledger-harness';

/**
 * The write side refuses every allocation this detector looks for, so the offending histories are
 * written straight through the store, as an import or another writer could.
 */
describe('detector: allocation-without-eligibility', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
    await h.write('project-p5', [{
      type: 'ProjectRegistered',
      data: { projectId: 'p5', name: 'NOXH Đông Hải', provinceCode: '31', investor: 'Công ty A', kind: 'new', landAreaM2: 20_000, plannedUnits: 10, registeredAt: '2026-01-05' },
    }]);
    for (const unitNo of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10']) {
      await h.write(`unit-p5.${unitNo}`, [{ type: 'UnitReleased', data: { projectId: 'p5', unitNo, floorAreaM2: 55, tenure: 'sale', priceVnd: 1_200_000_000, releasedAt: '2026-01-10' } }]);
    }
  });
  afterAll(() => h.stop());

  const apply = (id: string, citizenId: string) =>
    h.write(`application-${id}`, [submitted(person(citizenId, `Người nộp ${id}`, '1990-01-01', 'male'), { applicationId: id, projectId: 'p5', submittedAt: '2026-02-01' })]);
  const decide = (id: string, outcome: 'eligible' | 'ineligible', decisionNo: string) =>
    h.write(`application-${id}`, [{
      type: 'EligibilityDecided',
      data: { applicationId: id, outcome, decisionNo, decidedBy: 'Sở Xây dựng', decidedAt: '2026-03-01', reasons: [], justification: null,
        policyVersion: 'vn-2025-10', policyOutcome: outcome, policyReasons: [] },
    }]);
  const allocate = (unitNo: string, applicationId: string, citizenId: string, eligibilityDecisionNo: string, revision = 1, decidedAt = '2026-04-01') =>
    h.write(`unit-p5.${unitNo}`, [{
      type: 'UnitAllocated',
      data: { allocationId: `p5.${unitNo}.r${revision}`, projectId: 'p5', unitNo, applicationId, citizenId, eligibilityDecisionNo,
        decisionNo: `PB-${unitNo}`, decidedBy: 'Giám đốc Sở', decidedAt, allocatedAt: '2026-04-01T03:00:00.000Z' },
    }]);
  const revoke = (unitNo: string, applicationId: string, citizenId: string, revision = 1) =>
    h.write(`unit-p5.${unitNo}`, [{
      type: 'AllocationRevoked',
      data: { allocationId: `p5.${unitNo}.r${revision}`, projectId: 'p5', unitNo, applicationId, citizenId, reason: 'Thu hồi', decisionNo: `TH-${unitNo}`, revokedAt: '2026-05-01' },
    }]);
  const findingOf = async (allocationId: string) =>
    (await h.findings('allocation-without-eligibility')).find((f) => f.details.allocationId === allocationId);

  it('raises a high finding for a unit allocated to a file no decision was ever recorded on, with the allocation and the file as evidence', async () => {
    const [file] = await apply('a5-none', '031090000501');
    const [allocation] = await allocate('A1', 'a5-none', '031090000501', 'QD-FAKE');
    await h.project();
    const finding = await findingOf('p5.A1.r1');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', province_code: '31', citizen_ids: ['031090000501'], first_seen_event_id: allocation });
    expect(finding?.evidence).toEqual([{ eventId: allocation, stream: 'unit-p5.A1' }, { eventId: file, stream: 'application-a5-none' }]);
    expect(finding?.details).toMatchObject({ reasons: ['no-decision'], citedDecisionNo: 'QD-FAKE' });
    expect(finding?.summary).toContain('không có quyết định xét duyệt nào đang có hiệu lực');
  });

  it('raises for an allocation while the decision in force says ineligible, showing that decision', async () => {
    const [file] = await apply('a5-refused', '031090000502');
    const [refusal] = await decide('a5-refused', 'ineligible', 'QD-12');
    const [allocation] = await allocate('A2', 'a5-refused', '031090000502', 'QD-12');
    await h.project();
    const finding = await findingOf('p5.A2.r1');
    expect(finding?.evidence.map((e) => e.eventId)).toEqual([allocation, file, refusal]);
    expect(finding?.details).toMatchObject({ reasons: ['ineligible'], decisionInForce: { decisionNo: 'QD-12', outcome: 'ineligible' } });
  });

  it('raises for an allocation after the file was withdrawn, even with an eligible decision', async () => {
    const [file] = await apply('a5-gone', '031090000503');
    const [eligible] = await decide('a5-gone', 'eligible', 'QD-13');
    const [withdrawal] = await h.write('application-a5-gone', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'a5-gone', reason: 'Rút hồ sơ', withdrawnAt: '2026-03-15' } }]);
    const [allocation] = await allocate('A3', 'a5-gone', '031090000503', 'QD-13');
    await h.project();
    const finding = await findingOf('p5.A3.r1');
    expect(finding?.details).toMatchObject({ reasons: ['withdrawn'], applicationStatus: 'withdrawn' });
    expect(finding?.evidence.map((e) => e.eventId)).toEqual([allocation, file, withdrawal]);
    expect(finding?.evidence.map((e) => e.eventId)).not.toContain(eligible);
  });

  it('does not flag an allocation resting on the eligible decision in force, even one that replaced a refusal', async () => {
    await apply('a5-ok', '031090000504');
    await decide('a5-ok', 'ineligible', 'QD-14');
    await decide('a5-ok', 'eligible', 'QD-15');
    await allocate('A4', 'a5-ok', '031090000504', 'QD-15');
    await h.project();
    expect(await findingOf('p5.A4.r1')).toBeUndefined();
  });

  it('raises for a second allocation after the first was revoked with no new decision, naming the revocation', async () => {
    const [revocation] = await revoke('A4', 'a5-ok', '031090000504');
    const [again] = await allocate('A5', 'a5-ok', '031090000504', 'QD-15');
    await h.project();
    const finding = await findingOf('p5.A5.r1');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', first_seen_event_id: again });
    expect(finding?.details).toMatchObject({ reasons: ['allocated-after-revocation'] });
    expect(finding?.evidence).toContainEqual({ eventId: revocation, stream: 'unit-p5.A4' });
  });

  it('does not flag a re-allocation that follows a new eligible decision recorded after the revocation', async () => {
    await apply('a5-redo', '031090000505');
    await decide('a5-redo', 'eligible', 'QD-16');
    await allocate('A6', 'a5-redo', '031090000505', 'QD-16');
    await revoke('A6', 'a5-redo', '031090000505');
    await decide('a5-redo', 'eligible', 'QD-17');
    await allocate('A7', 'a5-redo', '031090000505', 'QD-17');
    await h.project();
    expect(await findingOf('p5.A6.r1')).toBeUndefined();
    expect(await findingOf('p5.A7.r1')).toBeUndefined();
  });

  it('raises a medium finding for an allocation citing another decision than the eligible one in force', async () => {
    await apply('a5-cite', '031090000506');
    const [eligible] = await decide('a5-cite', 'eligible', 'QD-20');
    await allocate('A8', 'a5-cite', '031090000506', 'QD-19');
    await h.project();
    const finding = await findingOf('p5.A8.r1');
    expect(finding).toMatchObject({ severity: 'medium', details: { reasons: ['cites-another-decision'], citedDecisionNo: 'QD-19' } });
    expect(finding?.evidence.map((e) => e.eventId)).toContain(eligible);
  });

  it('raises a medium finding for an allocation dated before the eligible decision it rests on', async () => {
    await apply('a5-dated', '031090000508');
    await decide('a5-dated', 'eligible', 'QD-22');
    await allocate('A10', 'a5-dated', '031090000508', 'QD-22', 1, '2026-02-20');
    await h.project();
    expect(await findingOf('p5.A10.r1')).toMatchObject({ severity: 'medium', details: { reasons: ['dated-before-eligibility'], allocationDecidedAt: '2026-02-20' } });
  });

  it('raises for an allocation to an application the ledger never received', async () => {
    const [allocation] = await allocate('A9', 'a5-ghost', '031090000507', 'QD-21');
    await h.project();
    const finding = await findingOf('p5.A9.r1');
    expect(finding).toMatchObject({ severity: 'high', evidence: [{ eventId: allocation, stream: 'unit-p5.A9' }], details: { reasons: ['unknown-application'] } });
  });

  it('keeps the finding open when an eligible decision comes only after the allocation', async () => {
    await decide('a5-none', 'eligible', 'QD-18');
    await h.project();
    expect(await findingOf('p5.A1.r1')).toMatchObject({ status: 'open', details: { reasons: ['no-decision'] } });
  });

  it('closes the finding, naming the revocation, when the allocation is revoked', async () => {
    const [revocation] = await revoke('A1', 'a5-none', '031090000501');
    await h.project();
    expect(await findingOf('p5.A1.r1')).toMatchObject({ status: 'closed', closed_by_event_id: revocation });
  });

  it('gives the same findings, ids and positions after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

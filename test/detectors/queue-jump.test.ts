import { expect } from '@jest/globals';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

type Tenure = 'sale' | 'rent';

describe('detector: queue-jump', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const of = async (applicationId: string) => (await h.findings('queue-jump')).filter((f) => f.summary.includes(`hồ sơ ${applicationId} `));

  async function project(projectId: string, unitNos: string[], tenure: Tenure = 'sale'): Promise<void> {
    const units = unitNos.map((unitNo) => ({ unitNo, floorAreaM2: 55, tenure, priceVnd: 1_000_000_000 }));
    await h.write(`project-${projectId}`, [
      { type: 'ProjectRegistered', data: { projectId, name: `NOXH ${projectId}`, provinceCode: '31', investor: 'Công ty A', kind: 'new',
        landAreaM2: 10_000, plannedUnits: 50, registeredAt: '2026-01-05' } },
      { type: 'UnitsReleased', data: { projectId, units, releasedAt: '2026-02-01' } },
    ]);
    for (const u of units) await h.write(`unit-${projectId}.${u.unitNo}`, [{ type: 'UnitReleased', data: { ...u, projectId, releasedAt: '2026-02-01' } }]);
  }

  /** A ranked file: submitted, decided, ranked. Returns the ranking event id. */
  async function ranked(projectId: string, applicationId: string, citizenId: string, rank: number | null, o: { tenure?: Tenure; outcome?: 'eligible' | 'ineligible' } = {}): Promise<string> {
    const ids = await h.write(`application-${applicationId}`, [
      submitted(person(citizenId, `Người nộp ${applicationId}`, '1990-01-01'), { applicationId, projectId, tenure: o.tenure ?? 'sale' }),
      { type: 'EligibilityDecided', data: { applicationId, outcome: o.outcome ?? 'eligible', decisionNo: `QĐ-${applicationId}`, decidedBy: 'Nguyễn Văn An',
        decidedAt: '2026-03-01', reasons: [], justification: null, policyVersion: 'vn-decree-136-2026', policyOutcome: o.outcome ?? 'eligible', policyReasons: [] } },
      ...(rank === null ? [] : [{ type: 'PriorityRanked' as const, data: { applicationId, projectId, method: 'ballot' as const, rank, rankedAt: '2026-03-10' } }]),
    ]);
    return ids[2];
  }

  /** The unit, the application's mirror and the claim, in one append as the allocation handler writes them. */
  async function allocate(projectId: string, unitNo: string, applicationId: string, citizenId: string): Promise<string> {
    const allocationId = `${projectId}.${unitNo}.r1`;
    const [allocationEventId] = await h.writeMany([
      { stream: `unit-${projectId}.${unitNo}`, events: [{ type: 'UnitAllocated', data: { allocationId, projectId, unitNo, applicationId,
        citizenId, eligibilityDecisionNo: `QĐ-${applicationId}`, decisionNo: 'QĐ-PB-1', decidedBy: 'Hội đồng', decidedAt: '2026-04-01', allocatedAt: '2026-04-01' } }] },
      { stream: `application-${applicationId}`, events: [{ type: 'UnitAllocated', data: { applicationId, allocationId, projectId, unitNo, allocatedAt: '2026-04-01' } }] },
      { stream: `person-${citizenId}`, events: [{ type: 'BenefitClaimed', data: { citizenId, claimId: allocationId, applicationId, projectId, unitNo,
        provinceCode: '31', tenure: 'sale', claimedAt: '2026-04-01' } }] },
    ]);
    await h.project();
    return allocationEventId;
  }

  let rank1: string;
  let rank2: string;
  let rank3: string;
  it('raises an allocation to rank 3 while ranks 1 and 2 of the same project and tenure wait, with the rankings and the allocation as evidence', async () => {
    await project('qj-1', ['A-1', 'A-2', 'A-3']);
    rank1 = await ranked('qj-1', 'qj-r1', '031190000001', 1);
    rank2 = await ranked('qj-1', 'qj-r2', '031190000002', 2);
    rank3 = await ranked('qj-1', 'qj-r3', '031190000003', 3);
    const allocation = await allocate('qj-1', 'A-1', 'qj-r3', '031190000003');
    const [finding] = await of('qj-r3');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', province_code: '31', citizen_ids: ['031190000003', '031190000001', '031190000002'] });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([allocation, rank3, rank1, rank2]);
    expect(finding.details).toMatchObject({ allocatedRank: 3, skipped: [{ applicationId: 'qj-r1', rank: 1 }, { applicationId: 'qj-r2', rank: 2 }] });
  });

  it('stays open while one skipped file still waits, keeping the original skipped list and naming who waits', async () => {
    await allocate('qj-1', 'A-2', 'qj-r1', '031190000001');
    const [finding] = await of('qj-r3');
    expect(finding.status).toBe('open');
    expect(finding.details).toMatchObject({ skipped: [{ applicationId: 'qj-r1' }, { applicationId: 'qj-r2' }], stillWaiting: ['qj-r2'] });
    expect(finding.summary).toContain('Vẫn đang chờ: qj-r2.');
    expect(finding.evidence.map((e) => e.eventId)).toEqual(expect.arrayContaining([rank1, rank2]));
  });

  it('closes when the last skipped file is served: nobody was skipped after all', async () => {
    await allocate('qj-1', 'A-3', 'qj-r2', '031190000002');
    const mirror = (await h.store.readStream('application-qj-r2')).find((e) => e.type === 'UnitAllocated')?.eventId;
    expect((await of('qj-r3')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', mirror]]);
    expect(await of('qj-r1')).toEqual([]);
    expect(await of('qj-r2')).toEqual([]);
  });

  it('closes when the skipped files withdraw or are found ineligible, and not before the last one', async () => {
    await project('qj-4', ['D-1']);
    await ranked('qj-4', 'qj-4w', '031190000031', 1);
    await ranked('qj-4', 'qj-4i', '031190000032', 2);
    await ranked('qj-4', 'qj-4j', '031190000033', 3);
    await allocate('qj-4', 'D-1', 'qj-4j', '031190000033');
    expect((await of('qj-4j')).map((f) => f.status)).toEqual(['open']);
    await h.write('application-qj-4w', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'qj-4w', reason: 'Rút hồ sơ', withdrawnAt: '2026-04-10' } }]);
    await h.project();
    expect((await of('qj-4j')).map((f) => [f.status, f.details.stillWaiting])).toEqual([['open', ['qj-4i']]]);
    const [ineligible] = await h.write('application-qj-4i', [{ type: 'EligibilityDecided', data: { applicationId: 'qj-4i', outcome: 'ineligible',
      decisionNo: 'QĐ-qj-4i-2', decidedBy: 'Nguyễn Văn An', decidedAt: '2026-04-12', reasons: ['owns-housing'], justification: null,
      policyVersion: 'vn-decree-136-2026', policyOutcome: 'ineligible', policyReasons: ['owns-housing'] } }]);
    await h.project();
    expect((await of('qj-4j')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', ineligible]]);
  });

  it('judges against the queue recorded at the allocation: a file ranked better afterwards was not skipped', async () => {
    await project('qj-5', ['E-1']);
    await ranked('qj-5', 'qj-5a', '031190000041', 2);
    await allocate('qj-5', 'E-1', 'qj-5a', '031190000041');
    await ranked('qj-5', 'qj-5b', '031190000042', 1);
    await h.write('application-qj-5a', [{ type: 'EligibilityDecided', data: { applicationId: 'qj-5a', outcome: 'eligible',
      decisionNo: 'QĐ-qj-5a-2', decidedBy: 'Nguyễn Văn An', decidedAt: '2026-04-12', reasons: [], justification: null,
      policyVersion: 'vn-decree-136-2026', policyOutcome: 'eligible', policyReasons: [] } }]);
    await h.project();
    expect(await of('qj-5a')).toEqual([]);
  });

  it('does not flag an allocation when every better rank is withdrawn, ineligible, of another tenure or already served', async () => {
    await project('qj-2', ['B-1', 'B-2']);
    await ranked('qj-2', 'qj-w', '031190000011', 1);
    await h.write('application-qj-w', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'qj-w', reason: 'Rút hồ sơ', withdrawnAt: '2026-03-20' } }]);
    await ranked('qj-2', 'qj-i', '031190000012', 2, { outcome: 'ineligible' });
    await ranked('qj-2', 'qj-t', '031190000013', 3, { tenure: 'rent' });
    await ranked('qj-2', 'qj-s', '031190000014', 4);
    await allocate('qj-2', 'B-1', 'qj-s', '031190000014');
    await ranked('qj-2', 'qj-5', '031190000015', 5);
    await allocate('qj-2', 'B-2', 'qj-5', '031190000015');
    expect(await of('qj-s')).toEqual([]);
    expect(await of('qj-5')).toEqual([]);
  });

  it('raises an allocation to an unranked file while ranked files wait', async () => {
    await project('qj-3', ['C-1', 'C-2']);
    await ranked('qj-3', 'qj-c1', '031190000021', 1);
    await ranked('qj-3', 'qj-u', '031190000022', null);
    await allocate('qj-3', 'C-1', 'qj-u', '031190000022');
    const [finding] = await of('qj-u');
    expect(finding.summary).toContain('(chưa xếp hạng)');
    expect(finding.details).toMatchObject({ allocatedRank: null, skipped: [{ applicationId: 'qj-c1', rank: 1 }] });
  });

  it('closes when the jumping allocation is revoked, naming the revocation', async () => {
    const [revocation] = await h.write('unit-qj-3.C-1', [{ type: 'AllocationRevoked', data: { allocationId: 'qj-3.C-1.r1', projectId: 'qj-3', unitNo: 'C-1',
      applicationId: 'qj-u', citizenId: '031190000022', reason: 'Cấp sai thứ tự', decisionNo: 'QĐ-THU-1', revokedAt: '2026-04-15' } }]);
    await h.project();
    expect((await of('qj-u')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', revocation]]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

import type { UnitSpec } from '../../src/allocation/domain/unit.events';
import { commitmentOf, entrantsHashOf, rankEntrants } from '../../src/lottery/domain/lottery-algorithm';
import { board, LedgerHarness, person, submitted } from '../support/ledger-harness';

const SEED = 'ab'.repeat(32);
const COMMITMENT = commitmentOf(SEED);

describe('detector: lottery-integrity', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const of = async (lotteryId: string) => (await h.findings('lottery-integrity')).filter((f) => f.details.lotteryId === lotteryId);

  async function project(projectId: string, unitNos: string[]): Promise<void> {
    const units = unitNos.map((unitNo): UnitSpec => ({ unitNo, floorAreaM2: 55, tenure: 'sale', priceVnd: 1_000_000_000 }));
    await h.write(`project-${projectId}`, [
      { type: 'ProjectRegistered', data: { projectId, name: `NOXH ${projectId}`, provinceCode: '31', investor: 'Công ty A', kind: 'new',
        landAreaM2: 10_000, plannedUnits: 50, registeredAt: '2026-01-05' } },
      { type: 'UnitsReleased', data: { projectId, units, releasedAt: '2026-02-01' } },
    ]);
    for (const u of units) await h.write(`unit-${projectId}.${u.unitNo}`, [{ type: 'UnitReleased', data: { ...u, projectId, releasedAt: '2026-02-01' } }]);
  }

  /** A submitted file, decided as told; returns the decision's event id. */
  async function file(projectId: string, applicationId: string, citizenId: string, outcome: 'eligible' | 'ineligible' | null = 'eligible'): Promise<string> {
    const ids = await h.write(`application-${applicationId}`, [
      submitted(person(citizenId, `Người nộp ${applicationId}`, '1990-01-01'), { applicationId, projectId }),
      ...(outcome === null ? [] : [{ type: 'EligibilityDecided' as const, data: { applicationId, outcome, decisionNo: `QĐ-${applicationId}`, decidedBy: 'Nguyễn Văn An',
        decidedAt: '2026-03-01', reasons: [], justification: null, policyVersion: 'vn-decree-136-2026', policyOutcome: outcome, policyReasons: [] } }]),
    ]);
    return ids[1] ?? ids[0];
  }

  async function open(projectId: string, entrants: string[], n = 1): Promise<string> {
    const [id] = await h.write(`lottery-${projectId}`, [{ type: 'LotteryOpened', data: { lotteryId: `${projectId}.${n}`, projectId, provinceCode: '31', units: 2,
      commitment: COMMITMENT, beaconSource: 'Giải đặc biệt XSKT miền Bắc ngày 2026-12-20', entrants, entrantsHash: entrantsHashOf(entrants), openedAt: '2026-04-01T02:00:00Z' } }]);
    await h.project();
    return id;
  }

  async function draw(projectId: string, entrants: string[], n = 1): Promise<string> {
    const [id] = await h.write(`lottery-${projectId}`, [{ type: 'LotteryDrawn', data: { lotteryId: `${projectId}.${n}`, projectId, seed: SEED, beacon: '58213',
      ranking: rankEntrants(SEED, '58213', entrants), notRanked: [], drawnAt: '2026-04-20T02:00:00Z' } }]);
    await h.project();
    return id;
  }

  async function allocate(projectId: string, unitNo: string, applicationId: string, citizenId: string): Promise<string> {
    const allocationId = `${projectId}.${unitNo}.r1`;
    const result = await h.store.appendMany([
      { stream: `unit-${projectId}.${unitNo}`, expectedRevision: 'any', events: [{ type: 'UnitAllocated', data: { allocationId, projectId, unitNo, applicationId,
        citizenId, eligibilityDecisionNo: `QĐ-${applicationId}`, decisionNo: 'QĐ-PB-1', decidedBy: 'Hội đồng', decidedAt: '2026-04-10', allocatedAt: '2026-04-10' } }] },
      { stream: `application-${applicationId}`, expectedRevision: 'any', events: [{ type: 'UnitAllocated', data: { applicationId, allocationId, projectId, unitNo, allocatedAt: '2026-04-10' } }] },
    ], { actor: board('31') });
    await h.project();
    return result.events[0].eventId;
  }

  it('raises a file eligible at the opening but left out of the entrants, with the opening and its decision as evidence', async () => {
    await project('li-1', ['A-1']);
    await file('li-1', 'li-1-a', '031190100001');
    const leftOut = await file('li-1', 'li-1-b', '031190100002');
    const opened = await open('li-1', ['li-1-a']);
    const [finding] = await of('li-1.1');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', province_code: '31', citizen_ids: ['031190100002'] });
    expect(finding.details).toMatchObject({ reason: 'eligible-not-entrant', applicationIds: ['li-1-b'] });
    expect(finding.evidence).toEqual([{ eventId: opened, stream: 'lottery-li-1' }, { eventId: leftOut, stream: 'application-li-1-b' }]);
  });

  it('raises an entrant with no "eligible" decision in force at the opening', async () => {
    await project('li-2', ['B-1']);
    await file('li-2', 'li-2-a', '031190100011');
    await file('li-2', 'li-2-x', '031190100012', 'ineligible');
    await open('li-2', ['li-2-a', 'li-2-x']);
    const findings = await of('li-2.1');
    expect(findings.map((f) => [f.details.reason, f.citizen_ids])).toEqual([['entrant-not-eligible', ['031190100012']]]);
  });

  it('raises an allocation of the project before the draw, naming the lottery’s events; the draw adds itself as evidence and closes nothing', async () => {
    await project('li-3', ['C-1', 'C-2']);
    await file('li-3', 'li-3-a', '031190100021');
    await file('li-3', 'li-3-b', '031190100022');
    const opened = await open('li-3', ['li-3-a', 'li-3-b']);
    const allocation = await allocate('li-3', 'C-1', 'li-3-b', '031190100022');
    let [finding] = await of('li-3.1');
    expect(finding).toMatchObject({ status: 'open', citizen_ids: ['031190100022'], details: { reason: 'allocated-before-draw', unitNo: 'C-1' } });
    expect(finding.evidence).toEqual([{ eventId: opened, stream: 'lottery-li-3' }, { eventId: allocation, stream: 'unit-li-3.C-1' }]);
    const drawn = await draw('li-3', ['li-3-a', 'li-3-b']);
    [finding] = await of('li-3.1');
    expect(finding.status).toBe('open');
    expect(finding.evidence.map((e) => e.eventId)).toEqual([opened, drawn, allocation]);
  });

  it('raises an allocation already in force when the lottery was opened', async () => {
    await project('li-4', ['D-1']);
    await file('li-4', 'li-4-a', '031190100031');
    await file('li-4', 'li-4-b', '031190100032');
    await allocate('li-4', 'D-1', 'li-4-a', '031190100031');
    await open('li-4', ['li-4-a', 'li-4-b']);
    expect((await of('li-4.1')).map((f) => f.details.reason)).toEqual(['allocated-before-draw']);
  });

  it('does not flag a sound lottery: files decided or withdrawn around the opening, allocations after the draw, another project’s allocation', async () => {
    await project('li-5', ['E-1', 'E-2']);
    await project('li-6', ['F-1']);
    await file('li-5', 'li-5-a', '031190100041');
    await file('li-5', 'li-5-b', '031190100042');
    await file('li-5', 'li-5-w', '031190100043');
    await h.write('application-li-5-w', [{ type: 'ApplicationWithdrawn', data: { applicationId: 'li-5-w', reason: 'Rút hồ sơ', withdrawnAt: '2026-03-20' } }]);
    await file('li-5', 'li-5-n', '031190100044', null);
    await open('li-5', ['li-5-a', 'li-5-b']);
    // Decided eligible after the freeze: rightly not an entrant.
    await h.write('application-li-5-n', [{ type: 'EligibilityDecided', data: { applicationId: 'li-5-n', outcome: 'eligible', decisionNo: 'QĐ-late', decidedBy: 'Nguyễn Văn An',
      decidedAt: '2026-04-05', reasons: [], justification: null, policyVersion: 'vn-decree-136-2026', policyOutcome: 'eligible', policyReasons: [] } }]);
    await file('li-6', 'li-6-a', '031190100051');
    await allocate('li-6', 'F-1', 'li-6-a', '031190100051');
    await draw('li-5', ['li-5-a', 'li-5-b']);
    await allocate('li-5', 'E-1', 'li-5-a', '031190100041');
    expect(await of('li-5.1')).toEqual([]);
  });

  it('gives the same findings on a rebuild from the log', async () => {
    const before = await h.findings('lottery-integrity');
    await h.rebuild();
    expect(await h.findings('lottery-integrity')).toEqual(before);
  });
});

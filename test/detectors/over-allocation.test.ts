import type { UnitSpec } from '../../src/allocation/domain/unit.events';
import { LedgerHarness } from '../support/ledger-harness';

type Unit = { unitNo: string; floorAreaM2: number };

describe('detector: over-allocation', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
  });
  afterAll(() => h.stop());

  const of = async (text: string) => (await h.findings('over-allocation')).filter((f) => f.summary.includes(text));
  const spec = ({ unitNo, floorAreaM2 }: Unit): UnitSpec => ({ unitNo, floorAreaM2, tenure: 'sale', priceVnd: 900_000_000 });

  /** Registers a project and releases units as the write side does: the batch, then each unit's stream. Returns [batch, ...unit releases]. */
  async function released(projectId: string, plannedUnits: number, units: Unit[]): Promise<string[]> {
    const [, batch] = await h.write(`project-${projectId}`, [
      { type: 'ProjectRegistered', data: { projectId, name: `NOXH ${projectId}`, provinceCode: '31', investor: 'Công ty A', kind: 'new',
        landAreaM2: 10_000, plannedUnits, registeredAt: '2026-01-05' } },
      { type: 'UnitsReleased', data: { projectId, units: units.map(spec), releasedAt: '2026-02-01' } },
    ]);
    const ids = [batch];
    for (const u of units) ids.push(...(await h.write(`unit-${projectId}.${u.unitNo}`, [{ type: 'UnitReleased', data: { ...spec(u), projectId, releasedAt: '2026-02-01' } }])));
    await h.project();
    return ids;
  }

  async function allocated(projectId: string, unitNo: string, revision = 1, decidedAt = '2026-04-01'): Promise<string> {
    const [id] = await h.write(`unit-${projectId}.${unitNo}`, [{ type: 'UnitAllocated', data: { allocationId: `${projectId}.${unitNo}.r${revision}`, projectId, unitNo,
      applicationId: `${projectId}-${unitNo}-${revision}`, citizenId: `0311900${String(revision).padStart(5, '0')}`, eligibilityDecisionNo: 'QĐ-1',
      decisionNo: 'QĐ-PB-1', decidedBy: 'Hội đồng', decidedAt, allocatedAt: decidedAt } }]);
    await h.project();
    return id;
  }

  it('raises each unit below 25 m² or above 77 m², with its release as evidence, and not units of exactly 25, 70 or 77 m²', async () => {
    const [, small, , , , large] = await released('oa-1', 100, [
      { unitNo: 'S-1', floorAreaM2: 24 }, { unitNo: 'S-2', floorAreaM2: 25 }, { unitNo: 'M-1', floorAreaM2: 70 }, { unitNo: 'L-1', floorAreaM2: 77 },
      { unitNo: 'L-2', floorAreaM2: 78 },
    ]);
    expect((await of('Căn S-1 ')).map((f) => [f.severity, f.evidence.map((e) => e.eventId), f.details.limitM2])).toEqual([['medium', [small], 25]]);
    expect((await of('Căn L-2 ')).map((f) => [f.severity, f.evidence.map((e) => e.eventId), f.details.limitM2])).toEqual([['medium', [large], 77]]);
    expect([...(await of('Căn S-2 ')), ...(await of('Căn M-1 ')), ...(await of('Căn L-1 '))]).toEqual([]);
  });

  it('raises a project where more than 10% of its planned units exceed 70 m², and not one at exactly 10%', async () => {
    const [, , big1, big2] = await released('oa-2', 10, [{ unitNo: 'A-1', floorAreaM2: 60 }, { unitNo: 'A-2', floorAreaM2: 72 }, { unitNo: 'A-3', floorAreaM2: 75 }]);
    const [finding] = await of('(oa-2) có 2 trong 10 căn');
    expect(finding).toMatchObject({ status: 'open', severity: 'medium', details: { projectUnits: 10, allowedLargeUnits: 1 } });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([big1, big2]);
    await released('oa-3', 20, [{ unitNo: 'B-1', floorAreaM2: 72 }, { unitNo: 'B-2', floorAreaM2: 75 }]);
    expect(await of('(oa-3)')).toEqual([]);
  });

  let batch: string;
  let phantom: string;
  it('raises a project that allocates a unit it never released, with the release batch and the allocation as evidence', async () => {
    [batch] = await released('oa-4', 10, [{ unitNo: 'C-1', floorAreaM2: 50 }, { unitNo: 'C-2', floorAreaM2: 50 }]);
    await allocated('oa-4', 'C-1');
    await allocated('oa-4', 'C-2');
    expect(await of('(oa-4)')).toEqual([]);
    phantom = await allocated('oa-4', 'C-9');
    const [finding] = await of('(oa-4)');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', first_seen_event_id: phantom,
      details: { releasedUnits: 2, liveAllocations: 3, allocationsOfUnreleasedUnits: [{ unitNo: 'C-9', allocationId: 'oa-4.C-9.r1' }] } });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([batch, phantom]);
  });

  it('closes when the allocation of the unreleased unit is revoked, naming the revocation', async () => {
    const [revocation] = await h.write('unit-oa-4.C-9', [{ type: 'AllocationRevoked', data: { allocationId: 'oa-4.C-9.r1', projectId: 'oa-4', unitNo: 'C-9',
      applicationId: 'oa-4-C-9-1', citizenId: '031190000001', reason: 'Căn hộ không tồn tại', decisionNo: 'QĐ-THU-2', revokedAt: '2026-04-20' } }]);
    await h.project();
    expect((await of('(oa-4)')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', revocation]]);
  });

  it('raises unit streams released outside any release batch once allocated beyond the batch, citing the latest allocations', async () => {
    const [oaBatch] = await released('oa-5', 10, [{ unitNo: 'D-1', floorAreaM2: 50 }]);
    await h.write('unit-oa-5.D-2', [{ type: 'UnitReleased', data: { ...spec({ unitNo: 'D-2', floorAreaM2: 50 }), projectId: 'oa-5', releasedAt: '2026-02-01' } }]);
    await allocated('oa-5', 'D-1', 1, '2026-04-01');
    const latest = await allocated('oa-5', 'D-2', 1, '2026-04-02');
    const [finding] = await of('(oa-5)');
    expect(finding.evidence.map((e) => e.eventId)).toEqual([oaBatch, latest]);
    expect(finding.details).toMatchObject({ liveAllocations: 2, releasedUnits: 1, latestAllocations: [{ unitNo: 'D-2' }] });
  });

  it('counts a unit returned to the investor and allocated again once', async () => {
    await released('oa-6', 10, [{ unitNo: 'E-1', floorAreaM2: 50 }]);
    await allocated('oa-6', 'E-1', 1);
    await h.write('unit-oa-6.E-1', [
      { type: 'UnitHandedOver', data: { allocationId: 'oa-6.E-1.r1', projectId: 'oa-6', unitNo: 'E-1', citizenId: '031190000001', handedOverAt: '2026-05-01', contractNo: 'HĐ-1', fullyPaidAt: '2026-05-01' } },
      { type: 'UnitTransferred', data: { projectId: 'oa-6', unitNo: 'E-1', kind: 'return-to-investor', fromCitizenId: '031190000001', toCitizenId: null, priceVnd: 900_000_000, transferredAt: '2026-06-01' } },
    ]);
    await allocated('oa-6', 'E-1', 4);
    expect(await of('(oa-6)')).toEqual([]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

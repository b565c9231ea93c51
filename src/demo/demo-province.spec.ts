import { DETECTOR_NAMES } from '../../projections/detectors';
import { HandOverUnitCommand } from '../allocation/commands/hand-over-unit/hand-over-unit.command';
import { TransferUnitCommand } from '../allocation/commands/transfer-unit/transfer-unit.command';
import { planProvince } from './demo-province';

describe('the demo province', () => {
  const now = new Date('2026-06-15T03:00:00Z');

  it('is the same for the same seed, and another for another seed', () => {
    const a = planProvince(300, 7, now);
    expect(planProvince(300, 7, now).plants).toEqual(a.plants);
    expect(planProvince(300, 8, now).plants).not.toEqual(a.plants);
  });

  it('injects abuse of every detector\'s kind and look-alikes of each kind, even when small', () => {
    const plan = planProvince(300, 7, now);
    expect([...new Set(plan.plants.map((p) => p.detector))].sort()).toEqual([...DETECTOR_NAMES].sort());
    for (const kind of ['same-identity', 'typo', 'swapped-birth-date', 'dropped-middle-name', 'id-digits']) expect(plan.plants.map((p) => p.kind)).toContain(kind);
    expect(plan.lookAlikes['namesake-other-birth-date']).toBeGreaterThan(0);
    expect(plan.lookAlikes['refused-spouse']).toBeGreaterThan(0);
    expect(plan.lookAlikes['lottery-drawn-before-allocation']).toBeGreaterThan(0);
  });

  it('resells a unit on the very day its 5-year restriction ends, to no eligible buyer and above its price', () => {
    const plan = planProvince(300, 7, now);
    const commands = plan.phases.flatMap((p) => p.scripts.flatMap((s) => s.commands));
    const paid = new Map(commands.filter((c) => c instanceof HandOverUnitCommand).map((c) => [`${c.projectId}.${c.unitNo}`, c.request.fullyPaidAt]));
    const onTheDay = commands.filter((c) => c instanceof TransferUnitCommand && paid.get(`${c.projectId}.${c.unitNo}`) === '2021-06-14' && c.request.transferredAt === '2026-06-14');
    expect(onTheDay).toHaveLength(1);
    expect(plan.lookAlikes['resale-on-restriction-end']).toBe(1);
  });

  it('gives the police an extract with one row per person and exactly the planted deaths', () => {
    const plan = planProvince(300, 7, now);
    const deaths = plan.registry.filter((r) => r.deceased !== null).length;
    expect(deaths).toBe(plan.plants.filter((p) => p.detector === 'registry-mismatch').length);
  });
});

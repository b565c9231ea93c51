import type { JsonObject } from '../../src/shared/json';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { board, LedgerHarness } from '../support/ledger-harness';

describe('detector: land-fund-shortfall', () => {
  let h: LedgerHarness;
  /** Events recorded at a time the test sets: the ledger's clock is the recorded time of its events. */
  let now = new Date('2026-05-01T02:00:00Z');
  let clocked: PostgresEventStore;
  beforeAll(async () => {
    h = await LedgerHarness.start();
    clocked = new PostgresEventStore(h.db.pool, { now: () => now }, 1024 * 1024);
  });
  afterAll(() => h.stop());

  async function at(recordedAt: string, stream: string, type: string, data: object): Promise<string> {
    now = new Date(recordedAt);
    const result = await clocked.append(stream, [{ type, data: data as JsonObject }], { expectedRevision: 'any', actor: board('31') });
    await h.project();
    return result.events[0].eventId;
  }
  const register = (recordedAt: string, id: string, dueDate: string) =>
    at(recordedAt, `landfund-${id}`, 'LandFundObligationRegistered', {
      commercialProjectId: id, name: `Khu đô thị ${id}`, provinceCode: '31', residentialLandAreaM2: 50_000, requiredShare: 0.2,
      requiredAreaM2: 10_000, dueDate, registeredAt: recordedAt,
    });
  const handOver = (recordedAt: string, id: string, areaM2: number) =>
    at(recordedAt, `landfund-${id}`, 'LandFundHandedOver', { commercialProjectId: id, form: 'land', areaM2, parcel: 'Thửa 12', handedOverAt: recordedAt.slice(0, 10) });
  /** Any event at all: here a programme target, which has nothing to do with land. */
  const tick = (recordedAt: string) =>
    at(recordedAt, 'programme-31', 'ProgrammeTargetSet', { provinceCode: '31', period: '2026-2030', units: 18_100, setAt: recordedAt });
  const of = async (id: string) => (await h.findings('land-fund-shortfall')).filter((f) => f.summary.includes(`(${id})`));

  let registered: string;
  it('raises at the first event of any stream recorded on a day after the due date, not on the due date itself', async () => {
    registered = await register('2026-05-01T02:00:00Z', 'lf-1', '2026-06-30');
    await tick('2026-06-30T16:59:00Z'); // 23:59 on 30 June in Vietnam: still in time
    expect(await of('lf-1')).toEqual([]);
    const overdueTick = await tick('2026-06-30T17:30:00Z'); // 00:30 on 1 July in Vietnam
    const [finding] = await of('lf-1');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', province_code: '31', first_seen_event_id: overdueTick });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([registered]);
    expect(finding.details).toMatchObject({ dueDate: '2026-06-30', requiredAreaM2: 10_000, handedOverM2: 0, shortfallM2: 10_000, overdueSeenEventId: overdueTick });
  });

  it('keeps it open, now medium, after a partial handover, and closes it with the handover that covers the requirement', async () => {
    const partial = await handOver('2026-08-01T03:00:00Z', 'lf-1', 6_000);
    let [finding] = await of('lf-1');
    expect(finding).toMatchObject({ status: 'open', severity: 'medium', details: { handedOverM2: 6_000, shortfallM2: 4_000 } });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([registered, partial]);
    const rest = await handOver('2026-09-01T03:00:00Z', 'lf-1', 4_000);
    [finding] = await of('lf-1');
    expect(finding).toMatchObject({ status: 'closed', closed_by_event_id: rest });
  });

  it('raises at a handover recorded after the due date that leaves a shortfall, and closes on payment in lieu', async () => {
    await register('2026-09-02T02:00:00Z', 'lf-2', '2026-09-30');
    const late = await handOver('2026-10-05T02:00:00Z', 'lf-2', 2_500);
    expect((await of('lf-2')).map((f) => [f.status, f.first_seen_event_id, f.details.shortfallM2])).toEqual([['open', late, 7_500]]);
    const paid = await at('2026-10-20T02:00:00Z', 'landfund-lf-2', 'LandFundPaidInLieu', {
      commercialProjectId: 'lf-2', amountVnd: 90_000_000_000, dischargedAreaM2: 7_500, paidAt: '2026-10-20' });
    expect((await of('lf-2')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', paid]]);
  });

  it('does not flag an obligation discharged in time, one not yet due, or one discharged by the first event after its due date', async () => {
    await register('2026-10-21T02:00:00Z', 'lf-3', '2026-10-25');
    await handOver('2026-10-24T02:00:00Z', 'lf-3', 10_000);
    await register('2026-10-21T02:00:00Z', 'lf-4', '2030-12-31');
    await register('2026-10-21T02:00:00Z', 'lf-5', '2026-10-25');
    await handOver('2026-10-28T02:00:00Z', 'lf-5', 10_000);
    await tick('2026-11-01T02:00:00Z');
    expect([...(await of('lf-3')), ...(await of('lf-4')), ...(await of('lf-5'))]).toEqual([]);
  });

  it('raises an obligation registered after its due date at its registration', async () => {
    const late = await register('2026-11-02T02:00:00Z', 'lf-6', '2026-06-30');
    expect((await of('lf-6')).map((f) => f.first_seen_event_id)).toEqual([late]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

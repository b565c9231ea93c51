import { LedgerHarness, person, submitted } from '../support/ledger-harness';

const PROJECT = 'er-1';
const PRICE = 1_200_000_000;
type Tenure = 'sale' | 'rent' | 'hire-purchase';
type Kind = 'resale' | 'return-to-investor' | 'inheritance' | 'return-to-state';

const SELLER = '031190001234';
const INELIGIBLE_BUYER = '079088004321';
const ELIGIBLE_BUYER = '031095007777';

describe('detector: early-resale', () => {
  let h: LedgerHarness;
  const of = async (unitNo: string) => (await h.findings('early-resale')).filter((f) => f.summary.includes(` ${unitNo} của dự án`));

  /** Releases, allocates and hands a unit over; returns [released, handedOver] event ids. */
  async function handedOver(unitNo: string, o: { tenure?: Tenure; handedOverAt?: string; fullyPaidAt?: string | null } = {}): Promise<string[]> {
    const tenure = o.tenure ?? 'sale';
    const allocationId = `${PROJECT}.${unitNo}.r1`;
    const [released, , handover] = await h.write(`unit-${PROJECT}.${unitNo}`, [
      { type: 'UnitReleased', data: { projectId: PROJECT, unitNo, floorAreaM2: 55, tenure, priceVnd: PRICE, releasedAt: '2019-01-10' } },
      { type: 'UnitAllocated', data: { allocationId, projectId: PROJECT, unitNo, applicationId: `app-${unitNo}`, citizenId: SELLER,
        eligibilityDecisionNo: 'QĐ-1', decisionNo: 'QĐ-PB-1', decidedBy: 'Hội đồng', decidedAt: '2019-02-01', allocatedAt: '2019-02-01' } },
      { type: 'UnitHandedOver', data: { allocationId, projectId: PROJECT, unitNo, citizenId: SELLER, handedOverAt: o.handedOverAt ?? '2020-06-01',
        contractNo: `HĐ-${unitNo}`, fullyPaidAt: o.fullyPaidAt === undefined ? '2021-03-15' : o.fullyPaidAt } },
    ]);
    return [released, handover];
  }

  async function transferred(unitNo: string, kind: Kind, transferredAt: string, o: { to?: string | null; price?: number | null } = {}): Promise<string> {
    const [id] = await h.write(`unit-${PROJECT}.${unitNo}`, [
      { type: 'UnitTransferred', data: { projectId: PROJECT, unitNo, kind, fromCitizenId: SELLER, toCitizenId: o.to ?? null,
        priceVnd: o.price === undefined ? PRICE : o.price, transferredAt } },
    ]);
    await h.project();
    return id;
  }

  let buyerDecision: string;
  beforeAll(async () => {
    h = await LedgerHarness.start();
    await h.write(`project-${PROJECT}`, [
      { type: 'ProjectRegistered', data: { projectId: PROJECT, name: 'NOXH Tràng Cát', provinceCode: '31', investor: 'Công ty A', kind: 'new',
        landAreaM2: 20_000, plannedUnits: 100, registeredAt: '2019-01-01' } },
    ]);
    [, buyerDecision] = await h.write('application-er-buyer', [
      submitted(person(ELIGIBLE_BUYER, 'Lê Văn Bình', '1995-07-07', 'male'), { applicationId: 'er-buyer', projectId: 'hp-2' }),
      { type: 'EligibilityDecided', data: { applicationId: 'er-buyer', outcome: 'eligible', decisionNo: 'QĐ-7', decidedBy: 'Nguyễn Văn An',
        decidedAt: '2025-01-05', reasons: [], justification: null, policyVersion: 'vn-decree-261-2025', policyOutcome: 'eligible', policyReasons: [] } },
    ]);
  });
  afterAll(() => h.stop());

  it('raises a resale within 5 years of full payment to a buyer with no eligible decision, with release, handover and sale as evidence', async () => {
    const [released, handover] = await handedOver('A-101');
    const sale = await transferred('A-101', 'resale', '2024-09-01', { to: INELIGIBLE_BUYER, price: PRICE });
    const [finding] = await of('A-101');
    expect(finding).toMatchObject({ status: 'open', severity: 'high', citizen_ids: [SELLER, INELIGIBLE_BUYER], first_seen_event_id: sale });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([released, handover, sale]);
    expect(finding.details).toMatchObject({
      violations: ['buyer-not-eligible'], restriction: { years: 5, from: 'full payment', startsOn: '2021-03-15', endsOn: '2026-03-15' },
    });
  });

  it('raises a resale to an eligible buyer above the original price (medium), citing the buyer’s decision', async () => {
    const [released, handover] = await handedOver('A-102');
    const sale = await transferred('A-102', 'resale', '2025-01-20', { to: ELIGIBLE_BUYER, price: 1_500_000_000 });
    const [finding] = await of('A-102');
    expect(finding).toMatchObject({ severity: 'medium', details: { violations: ['above-original-price'], priceVnd: 1_500_000_000, originalPriceVnd: PRICE } });
    expect(finding.evidence.map((e) => e.eventId)).toEqual([released, handover, sale, buyerDecision]);
  });

  it('counts from handover when full payment was never recorded, and says so', async () => {
    await handedOver('A-103', { handedOverAt: '2022-08-01', fullyPaidAt: null });
    await transferred('A-103', 'resale', '2026-05-01', { to: INELIGIBLE_BUYER });
    expect((await of('A-103')).map((f) => f.details.restriction)).toEqual([
      { law: 'Housing Law Art. 89(1)(d)–(e)', years: 5, from: 'handover', startsOn: '2022-08-01', endsOn: '2027-08-01',
        note: 'Full payment was not recorded: the restriction is counted from handover.' },
    ]);
  });

  it('does not flag a resale on the day the restriction ends, but does the day before', async () => {
    await handedOver('A-104');
    await transferred('A-104', 'resale', '2026-03-15', { to: INELIGIBLE_BUYER, price: 2_000_000_000 });
    await handedOver('A-105');
    await transferred('A-105', 'resale', '2026-03-14T23:30:00+07:00', { to: INELIGIBLE_BUYER });
    expect(await of('A-104')).toEqual([]);
    expect(await of('A-105')).toHaveLength(1);
  });

  it('does not flag a return to the investor at or below the original price, an inheritance, or an eligible buyer at the original price', async () => {
    await handedOver('A-106');
    await transferred('A-106', 'return-to-investor', '2023-01-01', { price: PRICE });
    await handedOver('A-107');
    await transferred('A-107', 'inheritance', '2023-01-01', { to: INELIGIBLE_BUYER, price: null });
    await handedOver('A-108');
    await transferred('A-108', 'resale', '2023-01-01', { to: ELIGIBLE_BUYER, price: PRICE });
    expect([...(await of('A-106')), ...(await of('A-107')), ...(await of('A-108'))]).toEqual([]);
  });

  it('raises a return to the investor above the original price', async () => {
    await handedOver('A-109');
    await transferred('A-109', 'return-to-investor', '2023-01-01', { price: 1_300_000_000 });
    expect((await of('A-109')).map((f) => [f.severity, f.details.violations])).toEqual([['medium', ['above-original-price']]]);
  });

  it('raises rental stock sold within 10 years of handover, not after', async () => {
    await handedOver('R-201', { tenure: 'rent', handedOverAt: '2018-04-01', fullyPaidAt: null });
    await transferred('R-201', 'resale', '2027-06-01', { to: ELIGIBLE_BUYER, price: 900_000_000 });
    await handedOver('R-202', { tenure: 'rent', handedOverAt: '2016-04-01', fullyPaidAt: null });
    await transferred('R-202', 'resale', '2026-04-01', { to: INELIGIBLE_BUYER });
    expect((await of('R-201')).map((f) => [f.severity, f.details.violations, (f.details.restriction as { endsOn: string }).endsOn]))
      .toEqual([['high', ['rental-stock-sold'], '2028-04-01']]);
    expect(await of('R-202')).toEqual([]);
  });

  it('closes when the unit is recovered by the state, naming the recovery (Art. 88(10))', async () => {
    const recovery = await transferred('A-101', 'return-to-state', '2025-02-01', { price: null });
    expect((await of('A-101')).map((f) => [f.status, f.closed_by_event_id])).toEqual([['closed', recovery]]);
  });

  it('gives the same findings after a rebuild with another batch size', async () => {
    const before = await h.findings();
    await h.rebuild(3);
    expect(await h.findings()).toEqual(before);
  });
});

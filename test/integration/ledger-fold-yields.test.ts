import { LOG_START } from '../../src/event-store/event-store.port';
import { LedgerProjection } from '../../projections/ledger/ledger.projection';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

/**
 * The service folds live batches on the event loop that answers HTTP: a batch of thousands of
 * events must give the loop back while it folds, not hold every request for the whole batch.
 */
describe('ledger fold and the event loop', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
    for (let i = 0; i < 600; i++) {
      const id = `f${String(i).padStart(4, '0')}`;
      // Each born on another day: one identity block of 600 would make the fold about findings, not the loop.
      const born = new Date(Date.UTC(1960, 0, 1 + i * 17)).toISOString().slice(0, 10);
      await h.write(`application-${id}`, [submitted(person(`0311900${String(i).padStart(5, '0')}`, `Nguyễn Văn ${id}`, born, 'male'), { applicationId: id })]);
    }
  });
  afterAll(() => h.stop());

  it('lets other work run while a large batch folds', async () => {
    const projection = new LedgerProjection();
    await h.dataSource.transaction((tx) => projection.apply([], tx));
    const { events } = await h.store.readAll({ after: LOG_START, limit: 1000 });
    expect(events).toHaveLength(600);
    const order: string[] = [];
    setImmediate(() => order.push('other work'));
    const writes = await projection.fold(events, h.dataSource.manager);
    order.push('folded');
    expect(writes).not.toBeNull();
    expect(order).toEqual(['other work', 'folded']);
  });
});

import type { AppendOptions, NewEvent } from '../../event-store/event-store.port';
import type { Actor } from '../../shared/actor';
import { recordPersonalDataRead } from './personal-data-reads';

describe('recordPersonalDataRead', () => {
  const clock = { now: () => new Date('2026-11-23T23:59:30+00:00') };
  const appended: { stream: string; events: NewEvent[]; options: AppendOptions }[] = [];
  const store = {
    append: (stream: string, events: NewEvent[], options: AppendOptions) => {
      appended.push({ stream, events, options });
      return Promise.resolve({ events: [], replayed: false });
    },
  };
  const inspector: Actor = { subject: 'thanh-tra-an', role: 'inspector' };
  beforeEach(() => appended.splice(0));

  it('appends who, what and when to the UTC day’s audit-reads stream, whatever the revision', async () => {
    await recordPersonalDataRead(store, clock, inspector, { endpoint: 'GET /x', ids: ['f-1', 'f-1'], citizenIds: ['031190001234'] });
    expect(appended).toEqual([
      {
        stream: 'audit-reads-2026-11-23',
        events: [{ type: 'PersonalDataRead', data: { actor: { subject: 'thanh-tra-an', role: 'inspector', province: null }, what: { endpoint: 'GET /x', ids: ['f-1'], citizenIds: ['031190001234'] }, at: '2026-11-23T23:59:30.000Z' } }],
        options: { expectedRevision: 'any', actor: inspector },
      },
    ]);
  });

  it('splits a large read into numbered parts of one append', async () => {
    const citizenIds = Array.from({ length: 2500 }, (_, i) => `0311900${String(i).padStart(5, '0')}`);
    await recordPersonalDataRead(store, clock, { subject: 'cong-an-1', role: 'police', province: '31' }, { endpoint: 'export', ids: ['all'], citizenIds });
    const parts = appended[0].events.map((e) => e.data.what as { ids: string[]; citizenIds: string[]; part: number; parts: number });
    expect(parts.map((p) => [p.part, p.parts, p.ids.length, p.citizenIds.length])).toEqual([[1, 3, 1, 1000], [2, 3, 0, 1000], [3, 3, 0, 500]]);
  });

  it('records nothing for a board reading its own province', async () => {
    await recordPersonalDataRead(store, clock, { subject: 'board-31', role: 'board', province: '31' }, { endpoint: 'GET /x', ids: ['f-1'], citizenIds: [] });
    expect(appended).toEqual([]);
  });
});

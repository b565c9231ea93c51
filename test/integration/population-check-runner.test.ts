import type { ApplicationAmended, ApplicationSubmitted } from '../../src/applications/domain/application.events';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import { PopulationCheckRunner } from '../../src/population/commands/check-population/population-check.runner';
import { ExtractLandRegistry } from '../../src/population/extract/extract-land-registry';
import { ExtractPopulationRegistry } from '../../src/population/extract/extract-population-registry';
import type { PopulationLookup, PopulationRegistry } from '../../src/population/population-registry.port';
import { systemClock } from '../../src/shared/clock';
import { generatedId, importRegistries, registryPerson } from '../support/registry-extracts';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const police = { subject: 'police-31', role: 'police' as const, province: '31' };
const board = { subject: 'board-31', role: 'board' as const, province: '31' };

const person = (i: number) => ({ citizenId: generatedId(i), fullName: `Trần Văn ${i}`, dateOfBirth: '1990-04-12', gender: i % 2 === 0 ? 'male' as const : 'female' as const });
const submitted = (n: number): ApplicationSubmitted => ({
  type: 'ApplicationSubmitted',
  data: {
    applicationId: `hs-${n}`, projectId: 'hp-trang-cat', provinceCode: '31', tenure: 'sale', applicant: person(n), household: [], category: 'worker',
    monthlyIncomeVnd: 9_000_000, housing: { ownsHome: false, floorAreaPerPersonM2: 0 }, submittedAt: '2026-03-01', receivedBy: 'Sở Xây dựng',
  },
});

/** The real extract registry, but another writer amends a file while the lookup is in flight. */
class RacingRegistry implements PopulationRegistry {
  readonly kind = 'extract' as const;
  races = 0;
  constructor(
    private readonly inner: PopulationRegistry,
    private readonly race: () => Promise<void>,
  ) {}

  async lookup(citizenIds: string[]): Promise<PopulationLookup> {
    const answer = await this.inner.lookup(citizenIds);
    if (this.races > 0) {
      this.races -= 1;
      await this.race();
    }
    return answer;
  }
}

describe('PopulationCheckRunner under concurrent writers', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  beforeAll(async () => {
    db = await createTestDatabase();
    store = new PostgresEventStore(db.pool, systemClock, 1024 * 1024);
    await importRegistries(db.pool, [0, 1, 2, 3, 4, 5].map((i) => registryPerson(generatedId(i), { ...person(i), householdId: `HH-${i}` })), []);
    for (const n of [0, 1, 2, 3, 4, 5]) await store.append(`application-hs-${n}`, [submitted(n)], { expectedRevision: 'no_stream', actor: board });
  });
  afterAll(() => db.drop());

  it('rereads and checks again a file amended between its read and the append, recording every other file once', async () => {
    const amendment: ApplicationAmended = {
      type: 'ApplicationAmended',
      data: { applicationId: 'hs-2', changes: { household: [{ ...person(3), relation: 'other' }] }, reason: null, amendedAt: '2026-03-02' },
    };
    const registry = new RacingRegistry(new ExtractPopulationRegistry(db.pool), async () => {
      await store.append('application-hs-2', [amendment], { expectedRevision: 'any', actor: board });
    });
    registry.races = 1;
    const runner = new PopulationCheckRunner(store, registry, new ExtractLandRegistry(db.pool), systemClock);

    const tally = await runner.run([['hs-0', 'hs-1', 'hs-2', 'hs-3']], 'due', police);

    // The member the amendment added lives in another household (HH-3): the one mismatch.
    expect(tally).toEqual({ checked: 4, mismatches: 1 });
    const types = async (n: number) => (await store.readStream(`application-hs-${n}`)).map((e) => e.type);
    for (const n of [0, 1, 3]) expect(await types(n)).toEqual(['ApplicationSubmitted', 'PopulationCheckRecorded']);
    // The check came after the amendment and covers the household it added.
    expect(await types(2)).toEqual(['ApplicationSubmitted', 'ApplicationAmended', 'PopulationCheckRecorded']);
    const [, , check] = await store.readStream('application-hs-2');
    expect((check.data.persons as { citizenId: string }[]).map((p) => p.citizenId)).toEqual([generatedId(2), generatedId(3)]);
  });

  it('gives up after three tries on a file that keeps changing, having recorded nothing for it', async () => {
    let k = 0;
    const registry = new RacingRegistry(new ExtractPopulationRegistry(db.pool), async () => {
      k += 1;
      await store.append('application-hs-4', [{ type: 'ApplicationAmended', data: { applicationId: 'hs-4', changes: { monthlyIncomeVnd: 9_000_000 + k }, reason: null, amendedAt: '2026-03-02' } }], {
        expectedRevision: 'any', actor: board,
      });
    });
    registry.races = 3;
    const runner = new PopulationCheckRunner(store, registry, new ExtractLandRegistry(db.pool), systemClock);
    await expect(runner.run([['hs-4']], 'due', police)).rejects.toMatchObject({ code: 'CONCURRENCY_CONFLICT' });
    expect((await store.readStream('application-hs-4')).map((e) => e.type)).not.toContain('PopulationCheckRecorded');
  });
});

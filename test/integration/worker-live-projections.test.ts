import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProjectionFailure } from '../../src/projections/live-projections';
import { WorkerLiveProjections } from '../../src/projections/worker-live-projections';
import { eventually } from '../support/eventually';

/**
 * The service's side of the projections' thread, driven by stand-in worker scripts that speak its
 * messages (projection-worker-messages.ts): the real worker is tested on the built service
 * (service.smoke.test.ts). Each script counts its starts in a file.
 */
describe('WorkerLiveProjections', () => {
  let dir: string;
  const config = { databaseUrl: 'postgres://unused', eventStore: 'postgres' as const, maxEventBytes: 1024, projectionMaxRows: 1000 };
  const stuck: ProjectionFailure = {
    projection: 'ledger', eventId: 'e-1', stream: 'programme-02', type: 'ProgrammeTargetSet', position: '7/7', error: 'no province', since: '2026-12-03T00:00:00.000Z',
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'noxh-worker-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A worker script: `onStart(n)` runs at its n-th start, `onMessage(m)` for each message from the service. */
  async function script(name: string, onStart: string, onMessage: string): Promise<{ file: string; starts: () => Promise<number> }> {
    const file = join(dir, `${name}.js`);
    const counter = join(dir, `${name}.starts`);
    await writeFile(counter, '');
    await writeFile(file, `
      const { appendFileSync, readFileSync } = require('node:fs');
      const { parentPort } = require('node:worker_threads');
      appendFileSync(${JSON.stringify(counter)}, 'x');
      const n = readFileSync(${JSON.stringify(counter)}, 'utf8').length;
      const post = (m) => parentPort.postMessage(m);
      parentPort.on('message', (m) => { ${onMessage} });
      ${onStart}
    `);
    return { file, starts: async () => (await readFile(counter, 'utf8')).length };
  }

  it('starts a thread that ended by itself again, relays its reports, and forgets the last thread\'s', async () => {
    const { file, starts } = await script(
      'crashes-once',
      `if (n === 1) { post({ kind: 'failures', failures: [${JSON.stringify(stuck)}] }); post({ kind: 'error', message: 'first start failed' }); setTimeout(() => process.exit(1), 50); }
       else post({ kind: 'error', message: 'second start' });`,
      `if (m.kind === 'stop') post({ kind: 'stopped' });`,
    );
    const log: string[] = [];
    const live = new WorkerLiveProjections(file, config, (line) => log.push(line));
    try {
      await eventually(() => Promise.resolve(live.failures().length === 1));
      expect(live.failures()).toEqual([stuck]);
      await eventually(() => Promise.resolve(log.includes('second start')), 10_000);
      expect(await starts()).toBe(2);
      // The new thread reports a projection stuck again only when it reaches the event again.
      expect(live.failures()).toEqual([]);
      expect(log).toEqual(['first start failed', expect.stringMatching(/ended \(code 1\); it starts again in 5 s/), 'second start']);
    } finally {
      await live.stop();
    }
  }, 20_000);

  it('passes a hurry on, and ends a thread that does not stop within 3 s without starting it again', async () => {
    const { file, starts } = await script('deaf', '', `if (m.kind === 'hurry') post({ kind: 'error', message: 'hurried' });`);
    const log: string[] = [];
    const live = new WorkerLiveProjections(file, config, (line) => log.push(line));
    live.hurry();
    await eventually(() => Promise.resolve(log.includes('hurried')));
    const stopping = Date.now();
    await live.stop();
    const took = Date.now() - stopping;
    expect(took).toBeGreaterThanOrEqual(2_900);
    expect(took).toBeLessThan(5_000);
    await new Promise((resolve) => setTimeout(resolve, 5_500));
    expect(await starts()).toBe(1);
    expect(log).toEqual(['hurried']);
  }, 20_000);
});

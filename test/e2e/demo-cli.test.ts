import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DETECTOR_NAMES } from '../../projections/detectors';
import { assertCliBuilt, runCli, type CliResult } from '../support/built-cli';
import { LedgerHarness } from '../support/ledger-harness';

/**
 * `noxh demo` as an operator runs it (the built CLI; run `npx tsc -p tsconfig.json` before this file
 * alone), at a small size so the suite stays quick: every detector at or above 0.95 precision and
 * recall against the injected truth, exit 0, and a ledger left to explore.
 */
describe('noxh demo', () => {
  let h: LedgerHarness;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let first: CliResult;

  beforeAll(async () => {
    assertCliBuilt();
    h = await LedgerHarness.start();
    dataDir = await mkdtemp(join(tmpdir(), 'noxh-demo-'));
    env = { ...process.env, DATABASE_URL: h.db.url, DATA_DIR: dataDir, EVENT_STORE: 'postgres', LOG_LEVEL: 'silent' };
    first = await runCli(env, 'demo', '--applicants', '300', '--seed', '7');
  }, 300_000);
  afterAll(async () => {
    await h.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('prints injected, found, true positives, precision and recall per detector, each at or above 0.95, and exits 0', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    for (const detector of DETECTOR_NAMES) {
      const row = first.stdout.split('\n').find((line) => line.startsWith(`${detector} `));
      expect(row).toBeDefined();
      const [, injected, found, truePositives, precision, recall] = (row ?? '').trim().split(/\s+/);
      for (const n of [injected, found, truePositives]) expect(n).toMatch(/^\d+$/);
      // Every detector gets abuse injected and finds some: both measures are numbers.
      expect(Number(injected)).toBeGreaterThan(0);
      for (const measure of [precision, recall]) expect(Number(measure)).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('mixes in a resale on the very day the resale restriction ends, counts it as a look-alike, and raises no early-resale finding for it', async () => {
    expect(first.stdout).toMatch(/look-alikes mixed in\): .*resale-on-restriction-end [1-9]\d*/);
    const [, injected, found, truePositives] = (first.stdout.split('\n').find((l) => l.startsWith('early-resale ')) ?? '').trim().split(/\s+/);
    expect([found, truePositives]).toEqual([injected, injected]);
    const flagged = await h.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM findings WHERE detector = 'early-resale' AND details->>'transferredAt' LIKE (details->'restriction'->>'endsOn') || '%'`);
    expect(Number(flagged.rows[0].n)).toBe(0);
  });

  it('leaves the ledger to explore: findings, tokens and URLs', async () => {
    expect(first.stdout).toMatch(/thanh tra \(inspector\): eyJ[\w-]+\.[\w-]+\.[\w-]+/);
    expect(first.stdout).toContain('/api/v1/findings');
    expect(Number((await h.db.pool.query<{ n: string }>(`SELECT count(*) AS n FROM findings WHERE status = 'open'`)).rows[0].n)).toBeGreaterThan(10);
  });

  it('refuses a ledger that already holds files, with exit 1', async () => {
    const again = await runCli(env, 'demo', '--applicants', '300');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/sổ cái đã có dữ liệu/);
  });
});

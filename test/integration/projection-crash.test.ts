import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { LedgerHarness, person, submitted } from '../support/ledger-harness';

/**
 * kill -9 at an arbitrary instant of a projection run, then resume: the read models and findings
 * must equal a clean rebuild, row for row (nothing lost, nothing applied twice).
 */
describe('ledger projection killed with SIGKILL mid-run', () => {
  let h: LedgerHarness;
  beforeAll(async () => {
    h = await LedgerHarness.start();
    // 600 applicants, every third one applying twice (duplicate findings), 1,000+ events in all.
    for (let i = 0; i < 600; i += 1) {
      // Born on 336 different days of 1990: one birth date for all would make every pair a fuzzy-identity candidate.
      const born = `1990-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (Math.floor(i / 12) % 28)).padStart(2, '0')}`;
      const applicant = person(`0311900${String(i).padStart(5, '0')}`, `Nguyễn Văn ${i}`, born, 'male');
      await h.write(`application-crash-${i}`, [submitted(applicant, { applicationId: `crash-${i}` })]);
      if (i % 3 === 0) await h.write(`application-crash-${i}-b`, [submitted(applicant, { applicationId: `crash-${i}-b`, projectId: 'kh-1', provinceCode: '56' })]);
    }
  });
  afterAll(() => h.stop());

  const snapshot = async () => ({
    applications: await h.dataSource.query<Record<string, unknown>[]>('SELECT * FROM rm_applications ORDER BY application_id'),
    people: await h.dataSource.query<Record<string, unknown>[]>('SELECT * FROM rm_people ORDER BY citizen_id, application_id'),
    findings: await h.findings(),
  });

  it('resumes to exactly the state of a clean rebuild', async () => {
    const child = spawn('node', [join(process.cwd(), 'dist/test/support/catch-up-ledger.js'), h.db.url], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    // Kill once some batches have committed, while the run is far from done.
    for (;;) {
      const [{ n }] = await h.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM rm_applications');
      if (n >= 50) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    // PostgreSQL lets go of the dead runner's lock (and rolls back its batch) once its backend
    // notices the closed socket: wait for that, as a standby runner does.
    for (let waited = 0; ; waited += 50) {
      const [{ held }] = await h.dataSource.query<{ held: number }[]>(
        `SELECT count(*)::int AS held FROM pg_locks l JOIN pg_database d ON d.oid = l.database
         WHERE l.locktype = 'advisory' AND d.datname = current_database()`,
      );
      if (held === 0) break;
      if (waited > 30_000) throw new Error('the killed runner still holds its lock after 30 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const [{ n: atKill }] = await h.dataSource.query<{ n: number }[]>('SELECT count(*)::int AS n FROM rm_applications');
    expect(atKill).toBeLessThan(800);

    await h.project();
    const resumed = await snapshot();
    expect(resumed.applications).toHaveLength(800);
    expect(resumed.findings.filter((f) => f.detector === 'duplicate-applicant')).toHaveLength(200);

    await h.rebuild(100);
    expect(await snapshot()).toEqual(resumed);
  });
});

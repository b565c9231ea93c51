import { JwtService } from '@nestjs/jwt';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { TokenService } from '../src/auth/token.service';
import { freePort } from '../src/database/embedded-postgres';
import { openBenchDatabase } from './bench-database';
import { hostCpuSeconds, serverCpuSeconds } from './cpu';
import { BARE_TABLE } from './http-bare-server';
import { load, type LoadResult, submissionBody } from './http-load';
import { APP_SCRIPT, BARE_SCRIPT, type ServerProcess, startServer } from './http-servers';
import { seeded } from '../src/demo/demo-random';
import { PeopleFactory } from './ledger-people';
import { summary } from './population-report';

/** Issue 9 targets: at 16 clients at least this many submissions a second with p99 under 50 ms, and half the bare route's rate. */
const TARGET_PER_SECOND = 1_500;
const TARGET_P99_MS = 50;
const TARGET_RATIO = 0.5;
const TARGET_CLIENTS = 16;
const PROJECT = 'bench-hp-2025';

interface Round extends LoadResult {
  /** Cores used during the round by the server process, PostgreSQL, this process (autocannon) and the machine. */
  cores: { server: number; postgres: number; loader: number; host: number };
}

/**
 * `npm run bench -- http`: POST /api/v1/applications over HTTP with 1, 16 and 64 concurrent clients
 * (autocannon, 127.0.0.1 only), against the real app (`node dist/src/main.js` on a fresh database,
 * projections live) and, in the same run, a bare Fastify route doing one INSERT of the same body.
 * BENCH_HTTP_SECONDS (10) per round, BENCH_HTTP_WARMUP_SECONDS (3), BENCH_HTTP_CONNECTIONS (1,16,64),
 * BENCH_HTTP_LOG_LEVEL (info, the production default), BENCH_HTTP_CPU_PROF=DIR runs the app with --cpu-prof,
 * BENCH_HTTP_PROJECTIONS=off leaves the projections out (to see their share; not the figures that count).
 */
export async function httpBenchmark(): Promise<void> {
  const seconds = numberFromEnv('BENCH_HTTP_SECONDS', 10);
  const warmup = numberFromEnv('BENCH_HTTP_WARMUP_SECONDS', 3);
  const levels = (process.env.BENCH_HTTP_CONNECTIONS ?? '1,16,64').split(',').map((c) => Number(c.trim()));
  if (levels.some((c) => !Number.isSafeInteger(c) || c < 1 || c > 1024)) throw new Error(`BENCH_HTTP_CONNECTIONS=${process.env.BENCH_HTTP_CONNECTIONS} is not a list of client counts`);
  const logLevel = process.env.BENCH_HTTP_LOG_LEVEL ?? 'info';
  const profileDir = process.env.BENCH_HTTP_CPU_PROF;
  // `off` only to tell the projections' share apart; the figures that count are with them live.
  const projections = process.env.BENCH_HTTP_PROJECTIONS ?? 'live';

  const database = await openBenchDatabase();
  const dataDir = await mkdtemp(join(tmpdir(), 'noxh-http-bench-'));
  const servers: ServerProcess[] = [];
  try {
    const pool = database.pool(2);
    await pool.query(`CREATE TABLE ${BARE_TABLE} (id text PRIMARY KEY, body jsonb NOT NULL)`);
    const secret = randomBytes(32).toString('hex');
    const appEnv = { DATABASE_URL: database.url, HOST: '127.0.0.1', JWT_SECRET: secret, LOG_LEVEL: logLevel, PROJECTIONS: projections, EVENT_STORE: 'postgres', DATA_DIR: dataDir };
    const app = await startServer('app', APP_SCRIPT, await freePort(), appEnv, profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []);
    servers.push(app);
    const bare = await startServer('bare', BARE_SCRIPT, await freePort(), { DATABASE_URL: database.url });
    servers.push(bare);
    console.log(`app pid ${app.pid} (LOG_LEVEL=${logLevel}, projections ${projections}${profileDir ? `, --cpu-prof into ${profileDir}` : ''}), bare route pid ${bare.pid}; ${seconds} s per round`);

    const token = new TokenService(new JwtService(), secret).sign({ role: 'board', subject: 'bench-board-31', province: '31' }, '2h');
    const auth = { authorization: `Bearer ${token}` };
    await registerProject(app.base, auth);
    let appN = 0;
    let bareN = 0;
    // Each side its own people: the bare route's table is apart, and both get the same kind of body.
    const appPeople = new PeopleFactory(seeded(1));
    const barePeople = new PeopleFactory(seeded(1));
    const appBody = (): Record<string, unknown> => submissionBody('bench-app', PROJECT, appN++, appPeople);
    const bareBody = (): Record<string, unknown> => submissionBody('bench-bare', PROJECT, bareN++, barePeople);
    await expectCreated(app.base, auth, appBody());
    await expectCreated(bare.base, {}, bareBody());

    if (warmup > 0) {
      await load(app.base, auth, TARGET_CLIENTS, warmup, appBody);
      await catchUp(app);
      await load(bare.base, {}, TARGET_CLIENTS, warmup, bareBody);
    }
    const results: { clients: number; app: Round; bare: Round; lagAtEnd: number; catchUpSeconds: number }[] = [];
    for (const clients of levels) {
      const appRound = await measured(app, database.postmasterPid, () => load(app.base, auth, clients, seconds, appBody));
      const lagAtEnd = await projectionLag(app);
      const catchUpSeconds = await catchUp(app);
      const bareRound = await measured(bare, database.postmasterPid, () => load(bare.base, {}, clients, seconds, bareBody));
      results.push({ clients, app: appRound, bare: bareRound, lagAtEnd, catchUpSeconds });
      console.log(`${clients} clients: app ${rate(appRound.perSecond)} req/s, bare ${rate(bareRound.perSecond)} req/s`);
    }

    const { rows } = await pool.query<{ events: number; bare: number }>(
      `SELECT (SELECT count(*)::int FROM events WHERE type = 'ApplicationSubmitted') AS events, (SELECT count(*)::int FROM ${BARE_TABLE}) AS bare`,
    );
    for (const server of servers.splice(0)) await server.stop();

    printTable(results);
    console.log(`\nwritten: ${rows[0].events} ApplicationSubmitted events for ${appN} app bodies made, ${rows[0].bare} bare rows for ${bareN} bare bodies made (warm-up and check requests included)`);
    const at = results.find((r) => r.clients === TARGET_CLIENTS);
    if (at) {
      const ratio = at.app.perSecond / at.bare.perSecond;
      summary([
        [`app at ${TARGET_CLIENTS} clients`, `${rate(at.app.perSecond)} req/s`, `>= ${rate(TARGET_PER_SECOND)} req/s`, verdict(at.app.perSecond >= TARGET_PER_SECOND)],
        [`app p99 at ${TARGET_CLIENTS} clients`, `${at.app.p99} ms`, `< ${TARGET_P99_MS} ms`, verdict(at.app.p99 < TARGET_P99_MS)],
        [`app / bare at ${TARGET_CLIENTS} clients`, `${ratio.toFixed(2)}×`, `>= ${TARGET_RATIO}×`, verdict(ratio >= TARGET_RATIO)],
      ]);
    }
  } finally {
    for (const server of servers) await server.stop();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** A round, with the CPU each party used during it (in cores: 1.0 = one core busy the whole round). */
async function measured(server: ServerProcess, postmasterPid: number | undefined, run: () => Promise<LoadResult>): Promise<Round> {
  const pg = (): number => (postmasterPid === undefined ? Number.NaN : serverCpuSeconds(postmasterPid));
  const before = { server: serverCpuSeconds(server.pid), postgres: pg(), loader: process.cpuUsage(), host: hostCpuSeconds() };
  const start = performance.now();
  const result = await run();
  const s = (performance.now() - start) / 1000;
  const loader = process.cpuUsage(before.loader);
  return {
    ...result,
    cores: {
      server: (serverCpuSeconds(server.pid) - before.server) / s,
      postgres: (pg() - before.postgres) / s,
      loader: (loader.user + loader.system) / 1e6 / s,
      host: (hostCpuSeconds() - before.host) / s,
    },
  };
}

function printTable(results: { clients: number; app: Round; bare: Round; lagAtEnd: number; catchUpSeconds: number }[]): void {
  const header = [
    'clients', 'app req/s', 'p50 ms', 'p99 ms', 'bare req/s', 'p50 ms', 'p99 ms', 'app/bare', 'app non-2xx',
    'CPU ms/req app+pg / bare+pg', 'cores app+pg+loader / bare+pg+loader', 'projection lag, catch-up',
  ];
  const cores = (r: Round): string => `${r.cores.server.toFixed(2)}+${r.cores.postgres.toFixed(2)}+${r.cores.loader.toFixed(2)}`;
  // CPU per request holds up better than req/s on a machine shared with other work.
  const perRequest = (r: Round): string => `${((1000 * r.cores.server) / r.perSecond).toFixed(1)}+${((1000 * r.cores.postgres) / r.perSecond).toFixed(1)}`;
  const rows = results.map(({ clients, app, bare, lagAtEnd, catchUpSeconds }) => [
    String(clients), rate(app.perSecond), String(app.p50), String(app.p99), rate(bare.perSecond), String(bare.p50), String(bare.p99),
    `${(app.perSecond / bare.perSecond).toFixed(2)}×`, app.statuses || '0', `${perRequest(app)} / ${perRequest(bare)}`, `${cores(app)} / ${cores(bare)}`,
    `${lagAtEnd} events, ${catchUpSeconds.toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  console.log();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((r) => console.log(line(r)));
  const bareFailures = results.filter((r) => r.bare.statuses).map((r) => `${r.clients} clients: ${r.bare.statuses}`);
  if (bareFailures.length > 0) console.log(`bare non-2xx: ${bareFailures.join('; ')}`);
}

async function registerProject(base: string, auth: Record<string, string>): Promise<void> {
  const res = await fetch(`${base}/api/v1/projects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ id: PROJECT, name: 'Dự án NOXH An Đồng', provinceCode: '31', investor: 'Công ty CP Nhà ở Xã hội', kind: 'new', landAreaM2: 20_000, plannedUnits: 500 }),
  });
  if (res.status !== 201) throw new Error(`registering the project: ${res.status} ${await res.text()}`);
}

async function expectCreated(base: string, auth: Record<string, string>, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${base}/api/v1/applications`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
  if (res.status !== 201) throw new Error(`${base}: the first submission got ${res.status} ${await res.text()}`);
}

/** Events not yet applied by the slowest projection, as GET /health reports it. */
async function projectionLag(app: ServerProcess): Promise<number> {
  const body = (await (await fetch(`${app.base}/health`)).json()) as { details?: { projections?: { maxLag?: number } } };
  return body.details?.projections?.maxLag ?? Number.NaN;
}

/** Waits (up to 5 minutes) for the projections to apply what the round wrote, so the next round starts level. */
async function catchUp(app: ServerProcess): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < 300_000) {
    const lag = await projectionLag(app);
    if (lag === 0 || Number.isNaN(lag)) break;
    await sleep(250);
  }
  return (performance.now() - start) / 1000;
}

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 3600) throw new Error(`${name}=${raw} is not a number of seconds`);
  return value;
}

const rate = (perSecond: number): string => Math.round(perSecond).toLocaleString('en-US');
const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { Pool } from 'pg';
import { CommandBus } from '@nestjs/cqrs';
import { Command, CommandRunner, Option } from 'nest-commander';
import { DataSource } from 'typeorm';
import { DETECTOR_NAMES } from '../../projections/detectors';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { AppModule } from '../app.module';
import { resolveJwtSecret } from '../auth/jwt-secret';
import { TokenService } from '../auth/token.service';
import { loadConfig } from '../config/app-config';
import { PG_POOL } from '../database/database.module';
import { resolveDatabase } from '../database/resolve-database';
import { POPULATION_EXTRACT } from '../population/extract/extract-schemas';
import { importExtract } from '../population/extract/import-extract';
import { EVENT_STORE, LOG_START, type EventStore } from '../event-store/event-store.port';
import { allProjections } from '../projections/projections';
import { ProjectionsService } from '../projections/projections.service';
import { fail } from './ledger-context';
import { eventsBar, rate } from './progress';
import { planProvince } from '../demo/demo-province';
import { populationExtract } from '../demo/demo-registry';
import { belowTarget, matches, score, scoreTable, type FoundFinding, type Plant } from '../demo/demo-truth';
import { runScripts } from '../demo/demo-writer';
import { invalidArgument } from './cli-failure';

interface DemoOptions { applicants: number; seed: number }

/**
 * `noxh demo [--applicants N] [--seed S]` (API.md): writes a synthetic province through the command
 * bus the API uses, rebuilds the projections, and prints per detector the injected abuse, the
 * findings, the true positives, precision and recall. Exit 1 when a detector is below 0.95/0.95.
 * It needs an empty ledger (a demo mixed into real files would measure nothing): DATA_DIR=./demo-data.
 */
@Command({ name: 'demo', description: 'Tỉnh mẫu có cài sẵn vi phạm: ghi qua các lệnh của API, chạy các bộ phát hiện, in precision/recall' })
export class DemoCommand extends CommandRunner {
  constructor(private readonly tokens: TokenService) {
    super();
  }

  async run(_: string[], options: DemoOptions): Promise<void> {
    const started = rate();
    const config = loadConfig();
    const database = await resolveDatabase(config, { log: (line) => process.stderr.write(`${line}\n`), ownSignals: false, reuseRunning: true });
    config.databaseUrl = database.url;
    config.projections = 'off';
    config.logLevel = 'silent';
    const app = await NestFactory.createApplicationContext(AppModule.register({ config, jwtSecret: await resolveJwtSecret(config.jwtSecret, config.dataDir) }), { logger: false });
    try {
      const store = app.get<EventStore>(EVENT_STORE, { strict: false });
      if ((await store.countAfter(LOG_START, 1)) > 0) {
        fail('sổ cái đã có dữ liệu; chạy demo trên một sổ cái trống, ví dụ DATA_DIR=./demo-data noxh demo (the ledger is not empty)');
        return;
      }
      const plan = planProvince(options.applicants, options.seed);
      await this.importRegistry(app.get<Pool>(PG_POOL, { strict: false }), populationExtract(plan.registry, new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10)));
      const bus = app.get(CommandBus);
      const total = plan.phases.reduce((n, p) => n + p.scripts.reduce((m, s) => m + s.commands.length, 0), 0);
      const bar = eventsBar('ghi tỉnh mẫu (commands)');
      bar.start(total, 0, { rate: 0 });
      let done = 0;
      const failures = [];
      /** Events each projection has applied so far: the end goes on from there, not from the start again. */
      const applied = new Map<string, number>();
      for (const phase of plan.phases) {
        // The service keeps its read models live; the demo writes with them off, so it brings them up before a phase that reads them.
        if (phase.readModels) {
          for (const [name, n] of Object.entries(await app.get(ProjectionsService, { strict: false }).catchUpAll())) applied.set(name, (applied.get(name) ?? 0) + n);
        }
        failures.push(...(await runScripts(bus, phase.scripts, () => bar.update(++done, { rate: started.perSecond(done) }))));
      }
      bar.stop();
      process.stdout.write(`Ghi ${done} lệnh (commands) cho ${options.applicants} người nộp hồ sơ, ${plan.projects.length} dự án, trong ${started.seconds().toFixed(1)} s\n`);
      if (failures.length > 0) {
        for (const f of failures.slice(0, 5)) process.stderr.write(`noxh: ${f.command} bị từ chối (refused): ${f.error}\n`);
        fail(`${failures.length} lệnh bị từ chối; số liệu đo không còn khớp với dữ liệu cài vào`);
        return;
      }

      const runner = app.get(ProjectionRunner, { strict: false });
      const events = await store.countAfter(LOG_START, Number.MAX_SAFE_INTEGER);
      for (const projection of allProjections(loadConfig())) {
        const projecting = eventsBar(`chạy ${projection.name}`);
        const speed = rate();
        const before = applied.get(projection.name) ?? 0;
        projecting.start(events, before, { rate: 0 });
        const after = await runner.catchUp(projection, { onProgress: (n) => projecting.update(before + n, { rate: speed.perSecond(n) }) });
        projecting.stop();
        const earlier = before > 0 ? ` (${before} đã chạy trước phần bốc thăm)` : '';
        process.stdout.write(`${projection.name}: ${events} sự kiện (events), ${after} trong ${speed.seconds().toFixed(1)} s${earlier}\n`);
      }

      const rows = await app.get(DataSource).query<{ detector: string; finding_key: string; citizen_ids: string[]; streams: string[]; rule: string | null }[]>(
        `SELECT detector, finding_key, citizen_ids, streams, details->>'rule' AS rule FROM findings WHERE status = 'open'`,
      );
      const found: FoundFinding[] = rows.map((r) => ({ detector: r.detector, findingKey: r.finding_key, citizenIds: r.citizen_ids, streams: r.streams, rule: r.rule }));
      const scores = score(DETECTOR_NAMES, plan.plants, found);
      process.stdout.write(`\n${scoreTable(scores)}\n\n`);
      process.stdout.write(`Đối chứng không được gắn cờ (look-alikes mixed in): ${Object.entries(plan.lookAlikes).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
      process.stdout.write(`Tổng thời gian: ${started.seconds().toFixed(1)} s\n\n`);
      this.printExplore(config.port, plan.projects[0]);
      const below = scores.filter(belowTarget);
      for (const s of below) this.printMisses(s.detector, plan.plants, found);
      if (below.length > 0) fail(`dưới mục tiêu precision/recall 0.95: ${below.map((s) => s.detector).join(', ')}`);
    } finally {
      await app.close();
      await database.stop();
    }
  }

  /** The population registry the police check against: an extract of the demo's people, imported as `noxh registry import` does. */
  private async importRegistry(pool: Pool, csv: string): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), 'noxh-demo-'));
    const client = await pool.connect();
    try {
      const file = join(dir, 'dan-cu.csv');
      await writeFile(file, csv);
      const report = await importExtract(client, POPULATION_EXTRACT, file);
      if (!report.current) throw new Error(`the demo's population extract was not accepted: ${JSON.stringify(report.errors.slice(0, 3))}`);
      process.stdout.write(`Nhập trích lục dân cư (population extract): ${report.rows} người\n`);
    } finally {
      client.release();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** What an operator needs to see why a detector is below target: the abuse missed, the findings not planted. */
  private printMisses(detector: string, plants: readonly Plant[], found: readonly FoundFinding[]): void {
    const mine = found.filter((f) => f.detector === detector);
    for (const p of plants.filter((x) => x.detector === detector && !mine.some((f) => matches(f, x))).slice(0, 10)) {
      process.stderr.write(`${detector}: không phát hiện (missed) ${p.kind} ${p.marks.join(' ')}\n`);
    }
    for (const f of mine.filter((x) => !plants.some((p) => matches(x, p))).slice(0, 10)) {
      process.stderr.write(`${detector}: phát hiện ngoài dữ liệu cài (not injected) ${f.findingKey} ${f.citizenIds.join(' ')}\n`);
    }
  }

  private printExplore(port: number, project: string): void {
    const inspector = this.tokens.sign({ role: 'inspector', subject: 'demo-inspector' }, '8h');
    const board = this.tokens.sign({ role: 'board', subject: 'demo-board-31', province: '31' }, '8h');
    const base = `http://localhost:${port}`;
    process.stdout.write([
      'Khám phá sổ cái (explore): npm start, rồi',
      `  thanh tra (inspector): ${inspector}`,
      `  ban xét duyệt Hải Phòng (board 31): ${board}`,
      `  ${base}/api/v1/findings          các phát hiện (findings)`,
      `  ${base}/api/v1/programmes/31/progress`,
      `  ${base}/api/v1/streams/project-${project}/events`,
      `  ${base}/docs                     Swagger`,
      '',
    ].join('\n'));
  }

  @Option({ flags: '--applicants <n>', description: 'số người nộp hồ sơ (applicants)', defaultValue: 2000 })
  parseApplicants(value: string): number {
    const n = Number(value);
    if (!Number.isSafeInteger(n) || n < 50 || n > 200_000) throw invalidArgument(`--applicants: một số nguyên từ 50 đến 200000 (nhận được "${value}")`);
    return n;
  }

  @Option({ flags: '--seed <s>', description: 'hạt giống ngẫu nhiên (seed): cùng hạt giống, cùng tỉnh mẫu', defaultValue: 338 })
  parseSeed(value: string): number {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw invalidArgument(`--seed: một số nguyên (nhận được "${value}")`);
    return n;
  }
}

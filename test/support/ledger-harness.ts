import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { ApplicationEvent, HouseholdMember, Person } from '../../src/applications/domain/application.events';
import type { Actor } from '../../src/shared/actor';
import { toNewEvent } from '../../src/event-store/new-event';
import { PostgresEventStore } from '../../src/event-store/postgres/postgres-event-store';
import type { AnyDomainEvent } from '../../projections/engine/ledger-event';
import { systemClock } from '../../src/shared/clock';
import { DETECTORS } from '../../projections/detectors';
import type { Detector } from '../../projections/detectors/detector';
import { LedgerProjection } from '../../projections/ledger/ledger.projection';
import { ProjectionRunner } from '../../projections/runner/projection-runner';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface FindingRow {
  id: string;
  detector: string;
  severity: string;
  province_code: string | null;
  citizen_ids: string[];
  evidence: { eventId: string; stream: string }[];
  summary: string;
  details: Record<string, unknown>;
  status: 'open' | 'closed';
  first_seen_event_id: string;
  closed_by_event_id: string | null;
}

/**
 * A real database and event store for detector tests: write events the way the write side does
 * (through the store), run the ledger projection, read the findings.
 */
export class LedgerHarness {
  private constructor(
    readonly db: TestDatabase,
    readonly dataSource: DataSource,
    readonly store: PostgresEventStore,
    private readonly ledger: LedgerProjection,
    private readonly runner: ProjectionRunner,
  ) {}

  static async start(detectors: readonly Detector[] = DETECTORS): Promise<LedgerHarness> {
    const db = await createTestDatabase();
    const dataSource = new DataSource({ type: 'postgres', url: db.url });
    await dataSource.initialize();
    const store = new PostgresEventStore(db.pool, systemClock, 1024 * 1024);
    return new LedgerHarness(db, dataSource, store, new LedgerProjection(detectors), new ProjectionRunner(store, dataSource));
  }

  async stop(): Promise<void> {
    await this.dataSource.destroy();
    await this.db.drop();
  }

  /** Appends to a stream as a board of `province` would, at whatever revision it is. */
  async write(stream: string, events: AnyDomainEvent[], actor: Actor = board('31')): Promise<string[]> {
    const result = await this.store.append(stream, events.map(toNewEvent), { expectedRevision: 'any', actor });
    return result.events.map((e) => e.eventId);
  }

  /** Appends to several streams in one transaction, as the allocation handler does; returns the event ids in order. */
  async writeMany(appends: { stream: string; events: AnyDomainEvent[] }[], actor: Actor = board('31')): Promise<string[]> {
    const result = await this.store.appendMany(appends.map((a) => ({ stream: a.stream, expectedRevision: 'any', events: a.events.map(toNewEvent) })), { actor });
    return result.events.map((e) => e.eventId);
  }

  async project(batchSize = 100): Promise<void> {
    await this.runner.catchUp(this.ledger, { batchSize });
  }

  async rebuild(batchSize = 7): Promise<void> {
    await this.runner.rebuild(this.ledger, { batchSize });
  }

  async findings(detector?: string): Promise<FindingRow[]> {
    return await this.dataSource.query<FindingRow[]>(
      `SELECT id, detector, severity, province_code, citizen_ids, evidence, summary, details, status, first_seen_event_id, closed_by_event_id
       FROM findings WHERE $1::text IS NULL OR detector = $1 ORDER BY id`,
      [detector ?? null],
    );
  }
}

export const board = (province: string): Actor => ({ subject: `board-${province}`, role: 'board', province });

export const person = (citizenId: string, fullName: string, dateOfBirth: string, gender: 'male' | 'female' | null = null): Person => ({
  citizenId,
  fullName,
  dateOfBirth,
  gender,
});

export interface SubmitOptions {
  applicationId?: string;
  projectId?: string;
  provinceCode?: string;
  household?: HouseholdMember[];
  submittedAt?: string;
  receivedBy?: string;
  tenure?: 'sale' | 'rent' | 'hire-purchase';
  monthlyIncomeVnd?: number;
  /** A file migrated from this paper register (`--historical`). */
  migratedFrom?: string;
}

/** An ApplicationSubmitted event as the write side records it. */
export function submitted(applicant: Person, o: SubmitOptions = {}): ApplicationEvent {
  return {
    type: 'ApplicationSubmitted',
    data: {
      applicationId: o.applicationId ?? randomUUID(),
      projectId: o.projectId ?? 'hp-1',
      provinceCode: o.provinceCode ?? '31',
      applicant,
      tenure: o.tenure ?? 'sale',
      household: o.household ?? [],
      category: 'worker',
      monthlyIncomeVnd: o.monthlyIncomeVnd ?? 12_000_000,
      housing: { ownsHome: false, floorAreaPerPersonM2: 0 },
      submittedAt: o.submittedAt ?? '2026-03-02',
      receivedBy: o.receivedBy ?? 'Cán bộ tiếp nhận 1',
      ...(o.migratedFrom !== undefined && { migratedFrom: o.migratedFrom }),
    },
  };
}

import type { AllocationRefused } from '../../src/allocation/domain/allocation-attempt.events';
import type { PersonClaimEvent } from '../../src/allocation/domain/person-claim.events';
import type { ProjectEvent } from '../../src/allocation/domain/project.events';
import type { UnitEvent } from '../../src/allocation/domain/unit.events';
import type { ApplicationEvent } from '../../src/applications/domain/application.events';
import type { FindingEvent } from '../../src/inspection/domain/finding.events';
import type { LandFundEvent } from '../../src/land-fund/domain/land-fund.events';
import type { ProgrammeEvent } from '../../src/programmes/domain/programme.events';
import type { Actor } from '../../src/shared/actor';
import type { DomainEvent } from '../../src/shared/decider';

/**
 * An event no context defines, on a stream no context owns, carrying the field names real events
 * key on: an engine that keys by field instead of by stream and type would pick it up, the oracle
 * does not (it still counts as a tick of the land-fund clock).
 */
export type UnforeseenEvent = DomainEvent<'SomethingUnforeseen', { projectId: string; applicationId: string; citizenId: string; note: string }>;

/** Every event a generated history may hold: the ledger's inputs plus events it must ignore. */
export type LedgerEvent =
  | ProjectEvent
  | UnitEvent
  | ApplicationEvent
  | PersonClaimEvent
  | LandFundEvent
  | ProgrammeEvent
  | FindingEvent
  | AllocationRefused
  | UnforeseenEvent;

export interface StreamWrite {
  stream: string;
  events: LedgerEvent[];
}

/** One store call: the clock moves by `advanceMs` first, then every stream is appended in one transaction. */
export interface HistoryWrite {
  advanceMs: number;
  actor: Actor;
  appends: StreamWrite[];
}

export type History = HistoryWrite[];

export const eventCount = (writes: readonly HistoryWrite[]): number => writes.reduce((n, w) => n + w.appends.reduce((m, a) => m + a.events.length, 0), 0);

/** Where the store's fake clock starts: the interpreter derives stated dates from the same instant. */
export const HISTORY_START_MS = Date.UTC(2025, 0, 6, 2, 0, 0);

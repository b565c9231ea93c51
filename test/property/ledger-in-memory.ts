import type { StoredEvent } from '../../src/event-store/event-store.port';
import type { JsonObject } from '../../src/shared/json';
import type { Detector } from '../../projections/detectors/detector';
import { DETECTORS } from '../../projections/detectors';
import { toLedgerEvent } from '../../projections/engine/ledger-event';
import { compareText } from '../../projections/engine/compare-text';
import { LedgerState } from '../../projections/engine/ledger-state';
import type { FindingRow } from '../../projections/engine/rows';
import type { Table } from '../../projections/engine/table';
import { applyLedgerEvent } from '../../projections/ledger/ledger.projection';
import { HISTORY_START_MS, type History } from './ledger-history.types';

/**
 * The history as the store would hand it back: one commit per write, its events in append order,
 * stamped with the fake clock, payloads through JSON as jsonb keeps them. Ids and hashes are
 * stand-ins: the tools that use this compare one engine run with another, never with the store.
 */
export function storedEvents(history: History): StoredEvent[] {
  const events: StoredEvent[] = [];
  const revisions = new Map<string, number>();
  let now = HISTORY_START_MS;
  for (const [commit, write] of history.entries()) {
    now += write.advanceMs;
    const recordedAt = new Date(now).toISOString();
    for (const append of write.appends) {
      for (const event of append.events) {
        const revision = revisions.get(append.stream) ?? 0;
        revisions.set(append.stream, revision + 1);
        const n = BigInt(events.length + 1);
        const eventId = `event-${n}`;
        events.push({
          eventId, stream: append.stream, revision, globalPosition: n, position: { commit: BigInt(commit + 1), prepare: n },
          type: event.type, data: JSON.parse(JSON.stringify(event.data)) as JsonObject,
          metadata: { eventId, correlationId: `write-${commit}`, actor: write.actor, recordedAt, schemaVersion: 1 }, prevHash: '', hash: '',
        });
      }
    }
  }
  return events;
}

/** The engine's state after the history, folded in memory event by event (no database), its findings by id, and the events it folded. */
export function runEngine(history: History, detectors: readonly Detector[] = DETECTORS): { state: LedgerState; findings: FindingRow[]; events: StoredEvent[] } {
  const state = new LedgerState();
  const events = storedEvents(history);
  for (const stored of events) applyLedgerEvent(state, toLedgerEvent(stored), detectors);
  return { state, findings: [...state.findings.values()].sort((x, y) => compareText(x.id, y.id)), events };
}

/**
 * Every row and column the equivalence property compares (the tables the oracle keeps: not
 * rm_lotteries), as text: two runs gave the same tables when their texts are equal.
 */
export function comparedTables(state: LedgerState): string {
  const tables = [state.projects, state.applications, state.people, state.units, state.claims, state.landFund, state.programmeTargets,
    state.populationChecks, state.findings] as Table<object>[];
  const bigints = (_: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v);
  return tables.map((table) => {
    const rows = [...table.values()].sort((x, y) => compareText(table.keyOf(x), table.keyOf(y)));
    const columns = table.spec.columns as readonly string[];
    return `${table.spec.name}\n${rows.map((r) => JSON.stringify(columns.map((c) => (r as Record<string, unknown>)[c]), bigints)).join('\n')}`;
  }).join('\n');
}

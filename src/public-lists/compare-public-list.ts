import type { StoredEvent } from '../event-store/event-store.port';
import { maskCitizenId } from '../shared/identity/mask';
import type { Check } from '../lottery/domain/verify-published-lottery';

/** A unit allocated now, as the ledger's read model (rm_units) has it. */
export interface LedgerAllocation {
  unitNo: string;
  allocationEventId: string;
  citizenId: string;
}

/** A published row, as far as this comparison reads it. */
export interface PublishedRow {
  unitNo: string;
  citizenId: string;
  eventId: string;
  hash: string;
  leafIndex: number | null;
}

/**
 * The published list against the ledger: the same units, each row naming the allocation the
 * read model holds, its event in the log with the hash published, the id masked from that
 * allocation's citizen. `logEvents` are the unit streams' events, by event id.
 */
export function comparePublicList(rows: PublishedRow[], ledger: LedgerAllocation[], logEvents: Map<string, StoredEvent>): Check[] {
  const checks: Check[] = [];
  const published = new Map(rows.map((r) => [r.unitNo, r]));
  const held = new Map(ledger.map((a) => [a.unitNo, a]));
  const missing = [...held.keys()].filter((u) => !published.has(u));
  const extra = [...published.keys()].filter((u) => !held.has(u));
  checks.push({
    name: 'same units as the ledger’s allocations',
    ok: missing.length === 0 && extra.length === 0 && published.size === rows.length,
    detail: `${rows.length} published, ${ledger.length} allocated` +
      (missing.length ? `; not published: ${missing.join(', ')}` : '') + (extra.length ? `; published but not allocated: ${extra.join(', ')}` : ''),
  });
  for (const row of rows) {
    const a = held.get(row.unitNo);
    const event = logEvents.get(row.eventId);
    const problems = [
      a && a.allocationEventId !== row.eventId ? `the ledger's allocation is event ${a.allocationEventId}` : '',
      !event ? 'no such event in the unit’s stream' : '',
      event && event.type !== 'UnitAllocated' ? `event is ${event.type}` : '',
      event && event.hash !== row.hash ? `the log's hash is ${event.hash}` : '',
      a && maskCitizenId(a.citizenId) !== row.citizenId ? 'citizen id does not mask the allocated citizen’s' : '',
    ].filter((p) => p !== '');
    checks.push({ name: `unit ${row.unitNo}`, ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `event ${row.eventId}, hash as logged` });
  }
  return checks;
}

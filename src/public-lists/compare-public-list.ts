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
    name: 'đúng các căn hộ đang được phân bổ trong sổ cái',
    ok: missing.length === 0 && extra.length === 0 && published.size === rows.length,
    detail: `${rows.length} căn công bố, ${ledger.length} căn đã phân bổ` +
      (missing.length ? `; chưa công bố: ${missing.join(', ')}` : '') + (extra.length ? `; công bố nhưng không được phân bổ: ${extra.join(', ')}` : ''),
  });
  for (const row of rows) {
    const a = held.get(row.unitNo);
    const event = logEvents.get(row.eventId);
    const problems = [
      a && a.allocationEventId !== row.eventId ? `sổ cái ghi quyết định phân bổ là sự kiện ${a.allocationEventId}` : '',
      !event ? 'không có sự kiện này trong luồng của căn hộ' : '',
      event && event.type !== 'UnitAllocated' ? `sự kiện là ${event.type}` : '',
      event && event.hash !== row.hash ? `mã băm trong sổ cái là ${event.hash}` : '',
      a && maskCitizenId(a.citizenId) !== row.citizenId ? 'số CCCD che không phải của người được phân bổ' : '',
    ].filter((p) => p !== '');
    checks.push({ name: `căn hộ ${row.unitNo}`, ok: problems.length === 0, detail: problems.length ? problems.join('; ') : `sự kiện ${row.eventId}, mã băm đúng như sổ cái` });
  }
  return checks;
}

import type { Pool } from 'pg';
import { ConcurrencyConflict, IdempotencyKeyReused } from '../event-store.errors';
import type { AppendResult } from '../event-store.port';
import type { PreparedAppend } from '../prepare-events';

/** One append as `noxh_append` and `noxh_append_group` take it. */
export interface AppendCall {
  prepared: PreparedAppend[];
  idempotencyKey: string | undefined;
  print: string;
}

/** What both functions answer for an append that was written or replayed. */
export interface AppendRow {
  events: { eventId: string; stream: string; revision: number; globalPosition: string; commit: string }[];
  replayed: boolean;
}

type Outcome = AppendRow | { error: 'NX001'; detail: { stream: string; expected: string; actual: number } } | { error: 'NX002' };

interface Waiting extends AppendCall {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/** Appends in one group at most: bounds the group's locks and the time its first append waits. */
const MAX_GROUP = 64;

/**
 * Group commit for concurrent appends. At most `inFlight` calls of `noxh_append_group` run at
 * once; an append that arrives while they are all busy waits, and every append waiting when one
 * returns goes in the next call, together. A lone writer is sent at once, so nothing waits for a
 * timer; under load, one round trip and one commit serve a whole group. Each append still gets its
 * own outcome: a conflict or a reused key fails that append only.
 */
export class AppendGroups {
  private readonly waiting: Waiting[] = [];
  private sending = 0;

  constructor(
    private readonly pool: Pool,
    private readonly inFlight: number,
    /** Called after a call that wrote something has committed. */
    private readonly onWritten: () => void,
  ) {}

  append(call: AppendCall): Promise<AppendResult> {
    return new Promise<AppendResult>((resolve, reject) => {
      this.waiting.push({ ...call, resolve, reject });
      this.send();
    });
  }

  private send(): void {
    while (this.sending < this.inFlight && this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      this.sending += 1;
      void this.write(group).finally(() => {
        this.sending -= 1;
        this.send();
      });
    }
  }

  private async write(group: Waiting[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      const { rows } = await this.pool.query<{ outcomes: Outcome[] }>('SELECT noxh_append_group($1::jsonb) AS outcomes', [
        JSON.stringify(group.map((w) => ({ batches: batchesOf(w.prepared), key: w.idempotencyKey ?? null, fingerprint: w.print }))),
      ]);
      outcomes = rows[0].outcomes;
    } catch (error) {
      // The transaction failed as a whole (connection, server): nothing of the group was written.
      for (const w of group) w.reject(error);
      return;
    }
    if (outcomes.some((o) => !('error' in o) && !o.replayed)) this.onWritten();
    group.forEach((w, i) => {
      const outcome = outcomes[i];
      if (!('error' in outcome)) w.resolve(appendResultOf(outcome));
      else if (outcome.error === 'NX002') w.reject(new IdempotencyKeyReused(w.idempotencyKey ?? ''));
      else w.reject(conflictOf(outcome.detail));
    });
  }
}

/** The appends' events as the SQL functions read them. */
export function batchesOf(prepared: PreparedAppend[]): unknown[] {
  return prepared.map((p) => ({
    stream: p.stream,
    expected: String(p.expectedRevision),
    events: p.events.map((e) => ({ id: e.eventId, type: e.type, data: e.data, metadata: e.metadata, body: e.body })),
  }));
}

export function appendResultOf({ events, replayed }: AppendRow): AppendResult {
  return {
    replayed,
    events: events.map((e) => ({
      eventId: e.eventId,
      stream: e.stream,
      revision: e.revision,
      globalPosition: BigInt(e.globalPosition),
      position: { commit: BigInt(e.commit), prepare: BigInt(e.globalPosition) },
    })),
  };
}

export function conflictOf(d: { stream: string; expected: string; actual: number }): ConcurrencyConflict {
  const expected = /^\d+$/.test(d.expected) ? Number(d.expected) : (d.expected as 'no_stream' | 'exists');
  return new ConcurrencyConflict(d.stream, expected, d.actual);
}

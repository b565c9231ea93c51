import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';

/** Counting stops here: past it, "at least this far behind" is all an operator needs. */
const LAG_CAP = 1_000_000;

interface CheckpointRow {
  name: string;
  commit_position: string;
  prepare_position: string;
}

/** How many events each projection still has to apply, from its stored checkpoint. */
@Injectable()
export class ProjectionLag {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async measure(): Promise<{ lag: Record<string, number>; maxLag: number }> {
    const rows: CheckpointRow[] = await this.dataSource.query(
      'SELECT name, commit_position::text, prepare_position::text FROM projection_checkpoints ORDER BY name',
    );
    const lag: Record<string, number> = {};
    for (const row of rows) {
      const position = { commit: BigInt(row.commit_position), prepare: BigInt(row.prepare_position) };
      lag[row.name] = await this.store.countAfter(position, LAG_CAP);
    }
    return { lag, maxLag: Math.max(0, ...Object.values(lag)) };
  }
}

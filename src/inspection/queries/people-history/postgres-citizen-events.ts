import { NotImplementedException } from '@nestjs/common';
import type { Pool } from 'pg';
import type { EventMetadata, StoredEvent } from '../../../event-store/event-store.port';
import type { JsonObject } from '../../../shared/json';
import { PERSONAL_DATA_READS_PREFIX } from '../../domain/inspection.streams';
import type { CitizenEvents } from './citizen-events.port';

interface Row {
  event_id: string;
  stream_id: string;
  stream_revision: string;
  global_position: string;
  tx_id: string;
  type: string;
  data: JsonObject;
  metadata: EventMetadata;
  prev_hash: string;
  hash: string;
}

/**
 * A jsonb path search for a string equal to the id at any depth (applicant, household member,
 * buyer of a resale…), so a new event type that names people is found without a change here.
 * Exact equality, never LIKE: "031190001234" does not match a longer number containing it.
 * It scans the log (no index serves `.**`); at national scale the citizen index described in
 * citizen-events.port.ts replaces it. The records of who read the person's data are left out:
 * they are about the readers, and reading them would grow the answer with every read.
 */
export class PostgresCitizenEvents implements CitizenEvents {
  constructor(private readonly pool: Pool) {}

  async naming(citizenId: string): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT event_id, stream_id, stream_revision, global_position, tx_id::text AS tx_id, type, data, metadata, prev_hash, hash
       FROM events
       WHERE jsonb_path_exists(data, '$.** ? (@ == $id)', jsonb_build_object('id', $1::text)) AND stream_id NOT LIKE $2
       ORDER BY tx_id, global_position`,
      [citizenId, `${PERSONAL_DATA_READS_PREFIX}%`],
    );
    return rows.map((row) => ({
      eventId: row.event_id,
      stream: row.stream_id,
      revision: Number(row.stream_revision),
      globalPosition: BigInt(row.global_position),
      // The log's read order, as PostgresEventStore.readAll gives it.
      position: { commit: BigInt(row.tx_id), prepare: BigInt(row.global_position) },
      type: row.type,
      data: row.data,
      metadata: row.metadata,
      prevHash: row.prev_hash,
      hash: row.hash,
    }));
  }
}

/** EVENT_STORE=esdb: the events are not in PostgreSQL; 501 until the citizen index exists. */
export class UnindexedCitizenEvents implements CitizenEvents {
  naming(): Promise<StoredEvent[]> {
    return Promise.reject(new NotImplementedException('A person’s history needs the citizen index, which is not built for EventStoreDB yet'));
  }
}

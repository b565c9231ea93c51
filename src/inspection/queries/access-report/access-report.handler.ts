import { Inject, NotImplementedException } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config';
import { PG_POOL } from '../../../database/database.module';
import type { Actor } from '../../../shared/actor';
import { PERSONAL_DATA_READS_PREFIX } from '../../domain/inspection.streams';
import type { PersonalDataRead } from '../../domain/personal-data-read.events';
import { PersonalDataReads } from '../../personal-data/personal-data-reads';
import type { AccessReportView } from './access-report.view';

export class AccessReportQuery extends Query<AccessReportView> {
  constructor(
    readonly citizenId: string,
    readonly actor: Actor,
  ) {
    super();
  }
}

interface Row { event_id: string; stream_id: string; tx_id: string; global_position: string; data: PersonalDataRead['data'] }

/**
 * Searches the `audit-reads-*` streams of the events table for the PersonalDataRead events naming
 * the citizen id (jsonb containment on `what.citizenIds`). Producing the report is itself a read
 * of the person's data and is recorded: it shows in the next report.
 */
@QueryHandler(AccessReportQuery)
export class AccessReportHandler implements IQueryHandler<AccessReportQuery> {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ citizenId, actor }: AccessReportQuery): Promise<AccessReportView> {
    if (this.config.eventStore !== 'postgres') throw new NotImplementedException('The access report searches the events table: PostgreSQL event store only');
    const { rows } = await this.pool.query<Row>(
      `SELECT event_id, stream_id, tx_id::text AS tx_id, global_position::text AS global_position, data FROM events
       WHERE stream_id LIKE $1 AND type = 'PersonalDataRead' AND data->'what'->'citizenIds' @> jsonb_build_array($2::text)
       ORDER BY tx_id, global_position`,
      [`${PERSONAL_DATA_READS_PREFIX}%`, citizenId],
    );
    await this.reads.record(actor, { endpoint: 'GET /api/v1/people/:citizenId/access-report', ids: [citizenId], citizenIds: [citizenId] });
    return {
      citizenId,
      reads: rows.map((r) => ({
        at: r.data.at, subject: r.data.actor.subject, role: r.data.actor.role, province: r.data.actor.province, endpoint: r.data.what.endpoint,
        ids: r.data.what.ids, eventId: r.event_id, stream: r.stream_id, position: `${r.tx_id}/${r.global_position}`,
      })),
    };
  }
}

import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CLOCK, type Clock } from '../../../shared/clock';
import { buildFindingsExport, type FindingsExport } from '../../export/findings-export';
import { PersonalDataReads } from '../../personal-data/personal-data-reads';
import { provinceFilter } from '../../province-scope';
import { ExportFindingsQuery } from './export-findings.query';

@QueryHandler(ExportFindingsQuery)
export class ExportFindingsHandler implements IQueryHandler<ExportFindingsQuery> {
  constructor(
    private readonly readModels: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ request, actor }: ExportFindingsQuery): Promise<FindingsExport> {
    const { detector, status, severity, citizenId, format } = request;
    const file = await buildFindingsExport(this.readModels, { detector, status, severity, citizenId, provinces: provinceFilter(actor, request.province) }, format, this.clock.now());
    if (file.findings.length > 0) {
      await this.reads.record(actor, {
        endpoint: `GET /api/v1/findings/export?format=${format}`,
        ids: file.findings.map((f) => f.id),
        citizenIds: file.findings.flatMap((f) => f.citizenIds),
      });
    }
    return file;
  }
}

import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { countsByDetector, findingsPage } from '../../findings/finding-rows';
import type { FindingPageView } from '../../findings/finding.view';
import { PersonalDataReads } from '../../personal-data/personal-data-reads';
import { provinceFilter } from '../../province-scope';
import { ListFindingsQuery } from './list-findings.query';

@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler implements IQueryHandler<ListFindingsQuery> {
  constructor(
    private readonly readModels: DataSource,
    private readonly reads: PersonalDataReads,
  ) {}

  async execute({ request, actor }: ListFindingsQuery): Promise<FindingPageView> {
    const { detector, status, severity, citizenId, page, pageSize } = request;
    const filter = { detector, status, severity, citizenId, provinces: provinceFilter(actor, request.province) };
    const { items, total } = await findingsPage(this.readModels, filter, page, pageSize);
    const counts = await countsByDetector(this.readModels, filter);
    // Findings name citizens: a page that shows any is a read of personal data.
    if (items.length > 0) {
      await this.reads.record(actor, {
        endpoint: 'GET /api/v1/findings',
        ids: items.map((f) => f.id),
        citizenIds: items.flatMap((f) => f.citizenIds),
      });
    }
    return { items, total, page, pageSize, countsByDetector: counts };
  }
}

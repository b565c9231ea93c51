import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { FindingsExport } from '../../export/findings-export';
import type { ExportFindingsRequest } from './export-findings.request.dto';

export class ExportFindingsQuery extends Query<FindingsExport> {
  constructor(
    readonly request: ExportFindingsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}

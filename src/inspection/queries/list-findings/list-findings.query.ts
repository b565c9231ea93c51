import { Query } from '@nestjs/cqrs';
import type { Actor } from '../../../shared/actor';
import type { FindingPageView } from '../../findings/finding.view';
import type { ListFindingsRequest } from './list-findings.request.dto';

export class ListFindingsQuery extends Query<FindingPageView> {
  constructor(
    readonly request: ListFindingsRequest,
    readonly actor: Actor,
  ) {
    super();
  }
}

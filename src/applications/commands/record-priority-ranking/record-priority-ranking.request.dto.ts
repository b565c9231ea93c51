import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsApplicationIds } from '../../../http/validation';
import type { PriorityRanked } from '../../domain/application.events';

type RankingMethod = PriorityRanked['data']['method'];
export const RANKING_METHODS = ['ballot', 'score'] as const satisfies readonly RankingMethod[];
/** One project's eligible files fit in one ranking; all of it is appended in one transaction. */
export const MAX_RANKED = 5000;

export class RecordPriorityRankingRequest {
  @ApiProperty({
    enum: RANKING_METHODS,
    description: 'ballot = bốc thăm (lottery supervised by the Department of Construction, Decree 100/2024 Art. 38); score = chấm điểm ưu tiên (Art. 79)',
  })
  @IsIn(RANKING_METHODS)
  method!: RankingMethod;

  @IsApplicationIds(MAX_RANKED, {
    example: ['hp-trang-cat-hs-0007', 'hp-trang-cat-hs-0002'],
    description: 'Application ids in priority order: the first gets rank 1. Each must be an eligible, open application of this project',
  })
  ranking!: string[];
}

export class RankedResponse {
  @ApiProperty({ example: 120, description: 'How many applications were ranked (one PriorityRanked each)' }) ranked!: number;
}

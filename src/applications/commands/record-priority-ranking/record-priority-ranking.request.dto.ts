import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Matches } from 'class-validator';
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

  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: MAX_RANKED,
    uniqueItems: true,
    example: ['hp-trang-cat-hs-0007', 'hp-trang-cat-hs-0002'],
    description: 'Application ids in priority order: the first gets rank 1. Each must be an eligible, open application of this project',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_RANKED)
  @ArrayUnique({ message: '$property must not name an application twice' })
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { each: true, message: 'each value in $property must be an application id (1 to 64 letters, digits, "-" or "_")' })
  ranking!: string[];
}

export class RankedResponse {
  @ApiProperty({ example: 120, description: 'How many applications were ranked (one PriorityRanked each)' }) ranked!: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsApplicationIds } from '../../../http/validation';

/** Named files are checked as one chunk, so one bad id writes nothing; the sweep has no limit. */
export const MAX_NAMED = 1000;

export class CheckPopulationRequest {
  @IsOptional()
  @IsApplicationIds(MAX_NAMED, {
    required: false,
    example: ['hp-trang-cat-hs-0001'],
    description:
      'Applications to check (again), all of the caller’s province and not withdrawn. Omitted: every open application of the province not yet checked, or whose household changed since (kiểm tra hồ sơ chưa đối chiếu)',
  })
  applicationIds?: string[];
}

export class CheckTallyResponse {
  @ApiProperty({ example: 120, description: 'Applications whose check was recorded (one PopulationCheckRecorded each)' }) checked!: number;
  @ApiProperty({ example: 3, description: 'Of those, applications where a person is unknown, deceased, mismatched, owns housing or the household differs' })
  mismatches!: number;
}

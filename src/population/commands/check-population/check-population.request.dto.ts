import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsOptional, IsString, Matches } from 'class-validator';

/** Named files are checked as one chunk, so one bad id writes nothing; the sweep has no limit. */
export const MAX_NAMED = 1000;

export class CheckPopulationRequest {
  @ApiPropertyOptional({
    type: [String],
    minItems: 1,
    maxItems: MAX_NAMED,
    uniqueItems: true,
    example: ['hp-trang-cat-hs-0001'],
    description:
      'Applications to check (again), all of the caller’s province and not withdrawn. Omitted: every open application of the province not yet checked, or whose household changed since (kiểm tra hồ sơ chưa đối chiếu)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_NAMED)
  @ArrayUnique({ message: '$property must not name an application twice' })
  @IsString({ each: true })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { each: true, message: 'each value in $property must be an application id (1 to 64 letters, digits, "-" or "_")' })
  applicationIds?: string[];
}

export class CheckTallyResponse {
  @ApiProperty({ example: 120, description: 'Applications whose check was recorded (one PopulationCheckRecorded each)' }) checked!: number;
  @ApiProperty({ example: 3, description: 'Of those, applications where a person is unknown, deceased, mismatched, owns housing or the household differs' })
  mismatches!: number;
}

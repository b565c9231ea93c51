import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DETECTOR_NAMES, type DetectorName } from '../../../../projections/detectors';
import { IsCitizenId, IsProvinceCode } from '../../../http/validation';

/** The last page anyone can ask for: far past any ledger's findings, and (page - 1) × 200 stays an exact integer. */
const MAX_PAGE = 1_000_000_000;

export const FINDING_STATUSES = ['open', 'closed'] as const;
export const FINDING_SEVERITIES = ['low', 'medium', 'high'] as const;

/** The filters GET /findings and the export share. */
export class FindingFilterRequest {
  @ApiPropertyOptional({ enum: DETECTOR_NAMES })
  @IsOptional()
  @IsIn(DETECTOR_NAMES)
  detector?: DetectorName;

  @IsOptional()
  @IsProvinceCode({ required: false, description: 'Findings of this province, with the provinces merged into it in 2025 (31 includes Hải Dương, 30). A board may ask only for its own.' })
  province?: string;

  @ApiPropertyOptional({ enum: FINDING_STATUSES })
  @IsOptional()
  @IsIn(FINDING_STATUSES)
  status?: (typeof FINDING_STATUSES)[number];

  @ApiPropertyOptional({ enum: FINDING_SEVERITIES })
  @IsOptional()
  @IsIn(FINDING_SEVERITIES)
  severity?: (typeof FINDING_SEVERITIES)[number];

  @IsOptional()
  @IsCitizenId({ required: false, description: 'Findings naming this citizen id' })
  citizenId?: string;
}

export class ListFindingsRequest extends FindingFilterRequest {
  // Query strings are text: turned into numbers first, so "abc" is refused as not an integer.
  // Bounded so that the offset it makes stays a whole number PostgreSQL reads (1e21 prints as "1e+21").
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

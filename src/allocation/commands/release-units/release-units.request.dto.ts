import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Matches } from 'class-validator';
import { IsNestedArray } from '../../../http/nested-validation';
import { IsIdentifier, IsPositiveInt } from '../../../http/validation';
import { TENURES, type Tenure } from '../../domain/unit.events';

/** Boards release a building's stock in batches; one batch stays far below the event size limit. */
export const MAX_UNITS_PER_RELEASE = 2000;

export class ProjectPath {
  @IsIdentifier(64)
  id!: string;
}

export class UnitRequest {
  // The unit stream is `unit-{projectId}.{unitNo}`: a dot here would blur where the project id ends.
  @ApiProperty({ example: 'A-1203', pattern: '^[A-Za-z0-9-]{1,32}$' })
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, { message: '$property must be 1 to 32 letters, digits or "-"' })
  unitNo!: string;

  // Only a sanity bound: the 25–70 m² limit of POLICY.md "Units, prices, resale" (Decree 100/2024
  // Art. 27) lets up to 10% of a project's units exceed 70 m², which no single unit can tell, so
  // the over-allocation detector finds breaches instead of this endpoint refusing them.
  @IsPositiveInt(500, { example: 56, description: 'Floor area in whole m²' })
  floorAreaM2!: number;

  @ApiProperty({ enum: TENURES })
  @IsIn(TENURES)
  tenure!: Tenure;

  @IsPositiveInt(100_000_000_000, { example: 1_150_000_000, description: 'Price in whole VND' })
  priceVnd!: number;
}

export class ReleaseUnitsRequest {
  @IsNestedArray(UnitRequest, { minItems: 1, maxItems: MAX_UNITS_PER_RELEASE })
  units!: UnitRequest[];
}

export class ReleasedResponse {
  @ApiProperty({ example: 120 }) released!: number;
}

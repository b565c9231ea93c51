import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsOptional, IsPositive, Max } from 'class-validator';
import { IsIdentifier, IsIsoDate, IsPositiveInt, IsProvinceCode, IsText } from '../../../http/validation';
import { DEFAULT_REQUIRED_SHARE } from '../../domain/land-fund.decider';

export class RegisterObligationRequest {
  @IsIdentifier(64, { example: 'hp-vinhomes-marina', description: 'The commercial housing project that owes the land' })
  commercialProjectId!: string;

  @IsText(200, { example: 'Vinhomes Marina' })
  name!: string;

  @IsProvinceCode()
  provinceCode!: string;

  @IsPositiveInt(100_000_000, { example: 120_000, description: 'Residential land of the project, in whole m²' })
  residentialLandAreaM2!: number;

  // Left undefined when not given: the decider owns the default (Decree 100/2024 Art. 17).
  @ApiProperty({ required: false, default: DEFAULT_REQUIRED_SHARE, maximum: 1, description: 'Share of the residential land owed, above 0 and at most 1' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @IsPositive()
  @Max(1)
  requiredShare?: number;

  @IsIsoDate({ description: 'Deadline for handing the land over; usually in the future' })
  dueDate!: string;
}

export class ObligationResponse {
  @ApiProperty({ description: 'The commercial project id, which names the obligation' }) id!: string;
}

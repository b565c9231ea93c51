import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsPositiveInt, IsProvinceCode } from '../../../http/validation';
import { PROGRAMME_PERIODS, type ProgrammePeriod } from '../../domain/programme.events';

export class ProvincePath {
  @IsProvinceCode()
  provinceCode!: string;
}

export class SetTargetRequest {
  @ApiProperty({ enum: PROGRAMME_PERIODS })
  @IsIn(PROGRAMME_PERIODS)
  period!: ProgrammePeriod;

  // Đề án 338 plans about a million units for the whole country: no province can plan more.
  @IsPositiveInt(1_000_000, { example: 15_400, description: 'Social-housing units the province is to complete in the period' })
  units!: number;
}

export class TargetResponse {
  @ApiProperty({ example: '31' }) provinceCode!: string;
  @ApiProperty({ enum: PROGRAMME_PERIODS }) period!: ProgrammePeriod;
  @ApiProperty({ example: 15_400 }) units!: number;
}

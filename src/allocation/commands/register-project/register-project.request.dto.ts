import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsIdentifier, IsPositiveInt, IsProvinceCode, IsText } from '../../../http/validation';
import { PROJECT_KINDS, type ProjectKind } from '../../domain/project.events';

export class RegisterProjectRequest {
  @IsOptional()
  @IsIdentifier(64, { required: false, description: 'Chosen by the board, or generated' })
  id?: string;

  @IsText(200, { example: 'Nhà ở xã hội Tràng Cát' })
  name!: string;

  @IsProvinceCode()
  provinceCode!: string;

  @IsText(200, { example: 'Công ty CP Đầu tư Xây dựng Hải Phòng' })
  investor!: string;

  @ApiProperty({ enum: PROJECT_KINDS })
  @IsIn(PROJECT_KINDS)
  kind!: ProjectKind;

  @IsPositiveInt(100_000_000, { example: 52_000, description: 'Land area in whole m²' })
  landAreaM2!: number;

  @IsPositiveInt(100_000, { example: 1_200 })
  plannedUnits!: number;
}

export class CreatedResponse {
  @ApiProperty() id!: string;
}


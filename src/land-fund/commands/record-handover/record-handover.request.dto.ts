import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, ValidateIf } from 'class-validator';
import { IsIdentifier, IsPastDate, IsPositiveInt, IsText } from '../../../http/validation';
import { GivesItsMeasure, HANDOVER_FORMS, type HandoverForm, OnlyForForms } from './handover-form.validation';

export class ObligationPath {
  @IsIdentifier(64, { description: 'The commercial project id of the obligation' })
  id!: string;
}

export class RecordHandoverRequest {
  @ApiProperty({ enum: HANDOVER_FORMS, description: 'land and equivalent-land take areaM2; money (paid in lieu) takes amountVnd' })
  @IsIn(HANDOVER_FORMS)
  @GivesItsMeasure()
  form!: HandoverForm;

  @IsPositiveInt(100_000_000, { required: false, example: 24_000, description: 'Whole m²; required for land and equivalent-land, refused for money' })
  @ValidateIf((o: RecordHandoverRequest) => o.areaM2 !== undefined)
  @OnlyForForms('land', 'equivalent-land')
  areaM2?: number;

  @IsPositiveInt(100_000_000_000_000, { required: false, example: 350_000_000_000, description: 'Whole VND; required for money, refused for land forms' })
  @ValidateIf((o: RecordHandoverRequest) => o.amountVnd !== undefined)
  @OnlyForForms('money')
  amountVnd?: number;

  @IsOptional()
  @IsText(200, { required: false, example: 'Thửa 125, tờ bản đồ số 12, phường Đông Hải 2' })
  @OnlyForForms('land', 'equivalent-land')
  parcel?: string;

  @IsPastDate({ description: 'When the land was handed over or the money paid; not in the future' })
  handedOverAt!: string;
}

export class HandoverResponse {
  @ApiProperty({ description: 'The commercial project id, which names the obligation' }) id!: string;
}

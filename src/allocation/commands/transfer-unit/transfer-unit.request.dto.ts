import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCitizenId, IsPastDate, IsPositiveInt } from '../../../http/validation';
import { TRANSFER_KINDS, type TransferKind } from '../../domain/unit.events';

/** What the board reports happened; the ledger records it and the detectors judge it (Art. 89). */
export class TransferUnitRequest {
  @IsPastDate({ description: 'Ngày chuyển nhượng' })
  transferredAt!: string;

  @IsOptional()
  @IsCitizenId({ required: false, description: 'The new holder (buyer or heir); none for a return' })
  toCitizenId?: string;

  @ApiProperty({ enum: TRANSFER_KINDS })
  @IsIn(TRANSFER_KINDS)
  kind!: TransferKind;

  @IsOptional()
  @IsPositiveInt(100_000_000_000, { required: false, description: 'Price in VND, as reported' })
  priceVnd?: number;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsNote } from '../../../http/validation';

export class WithdrawApplicationRequest {
  @IsNote(1000, { example: 'Người đứng đơn xin rút hồ sơ (đã mua nhà thương mại)', description: 'Why the file is withdrawn (lý do rút hồ sơ)' })
  reason!: string;
}

export class WithdrawnResponse {
  @ApiProperty({ example: 'hp-trang-cat-hs-0001' }) id!: string;
  @ApiProperty({ example: '2026-03-15T02:00:00.000Z', description: 'When the withdrawal was recorded' }) withdrawnAt!: string;
}
